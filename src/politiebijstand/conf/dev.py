"""Development / `make run` overlay: embedded SQLite, debug on."""

from politiebijstand.conf.base import *  # noqa: F403

DEBUG = True

# The embedded SQLite database and huey's queue (SqliteHuey opens its file when the apps load)
# live in PB_DATA_DIR; make sure it exists.
DATA_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
