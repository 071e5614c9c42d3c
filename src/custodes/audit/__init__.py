"""The tamper-evident record: every action as a hash-chained, append-only event."""
