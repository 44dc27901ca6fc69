"""communique: news articles in, PLOVER/CAMEO event data out."""
__version__ = "0.1.0"
