"""Totals published before custodes was adopted, imported from the providers' own files, so
that the report's trend reaches back past the first case."""

from __future__ import annotations

from django.db import models


class PublishedTotal(models.Model):
    source = models.CharField(max_length=20)  # the schema it came in: google, github
    period = models.CharField(max_length=20)  # 2022H2, or a year: 2021
    period_end = models.DateField()
    country = models.CharField(max_length=2, blank=True)  # blank: worldwide
    legal_process = models.CharField(max_length=120)
    requests = models.PositiveIntegerField(null=True)  # None: not reported
    requests_band = models.CharField(max_length=30, blank=True)  # national security ranges
    percent_disclosed = models.FloatField(null=True)
    accounts = models.PositiveIntegerField(null=True)
    accounts_band = models.CharField(max_length=30, blank=True)
    imported_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "period", "country", "legal_process"], name="one_total_per_row"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.period} {self.country or 'all'} {self.legal_process}"
