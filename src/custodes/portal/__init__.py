"""The requester portal: verified officers submit demands and follow them."""
