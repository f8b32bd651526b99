"""Development / `make run` overlay: embedded SQLite, debug on."""

from politiebijstand.conf.base import *  # noqa: F403

DEBUG = True
