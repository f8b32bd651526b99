"""Authentication backend: allauth's, refusing demo accounts where they are not allowed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend

from politiebijstand.accounts.policy import demo_accounts_toegestaan

if TYPE_CHECKING:
    from politiebijstand.accounts.models import Gebruiker


class AuthenticationBackend(AllauthBackend):  # type: ignore[misc]
    """As allauth's backend; a demo account cannot log in, nor keep a session, in production."""

    # `credentials` are Any: allauth and Django pass the log-in form's fields as they come.
    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> Gebruiker | None:
        user: Gebruiker | None = super().authenticate(request, **credentials)
        if user is None and not demo_accounts_toegestaan():
            # allauth stashes a user who may not authenticate, to show "account inactive";
            # a refused demo account must fail like a wrong password instead.
            gestasht = AllauthBackend.unstash_authenticated_user()
            if gestasht is not None and not getattr(gestasht, "is_demo", False):
                AllauthBackend._stash_user(gestasht)
        return user

    def get_user(self, user_id: int) -> Gebruiker | None:
        """The logged-in user of a session, with the organisation in the same query."""
        from politiebijstand.accounts.models import Gebruiker

        user = Gebruiker.objects.select_related("organisatie").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    def user_can_authenticate(self, user: Gebruiker) -> bool:
        if user.is_demo and not demo_accounts_toegestaan():
            return False
        return bool(super().user_can_authenticate(user))
