"""The legal-process mailbox: `custodes worker` reads an IMAP folder and opens a case for each
demand mailed to it, or sets a message that is no demand aside for a person."""
