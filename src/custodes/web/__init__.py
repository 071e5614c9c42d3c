"""Staff pages: sign-in, the queue, the case page, uploads."""
