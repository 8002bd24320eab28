"""Visit viewer: an archive of news reports of officials' working visits to communes."""

__version__ = "0.1.0"
APP_NAME = "Visit Viewer"
APP_ID = "vn.thamlamviec.VisitViewer"
