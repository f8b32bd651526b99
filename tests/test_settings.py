from politiebijstand.conf.base import database_from_url


def test_database_from_url_reads_absolute_sqlite_path() -> None:
    db = database_from_url("sqlite:////tmp/x/db.sqlite3")
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == "/tmp/x/db.sqlite3"
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_database_from_url_reads_postgres_socket_host() -> None:
    db = database_from_url("postgres://postgres@/pb?host=/tmp/sock&port=5433")
    assert db == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "pb",
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": "/tmp/sock",
        "PORT": "5433",
    }
