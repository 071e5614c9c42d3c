"""custodes: receive government demands for user data and answer them as the law allows."""

__version__ = "0.1.0"
