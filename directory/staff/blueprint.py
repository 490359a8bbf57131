"""The staff area's blueprint and login manager, in a module of their own so that the views
(auth, reports, corrections, edit) can add to them without importing the package."""

from __future__ import annotations

from flask import Blueprint
from flask_login import LoginManager

bp = Blueprint("staff", __name__, url_prefix="/staff", static_folder="static", static_url_path="/static")
login_manager = LoginManager()
login_manager.session_protection = "strong"
login_manager.login_message = None
