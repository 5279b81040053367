#!/usr/bin/env bash
# `check --deploy` on the production settings, with throwaway values for the required
# variables: any warning fails.
set -euo pipefail
cd "$(dirname "$0")/.."
DJANGO_SETTINGS_MODULE=relier_site.settings.production \
SECRET_KEY="check-deploy-$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
ALLOWED_HOSTS=www.example.org \
CSRF_TRUSTED_ORIGINS=https://www.example.org \
DATABASE_URL=sqlite:///:memory: \
EMAIL_HOST=smtp.example.org \
DEFAULT_FROM_EMAIL=site@example.org \
WAGTAILADMIN_BASE_URL=https://www.example.org \
STATIC_ROOT="$(mktemp -d)" \
MEDIA_ROOT="$(mktemp -d)" \
python manage.py check --deploy --fail-level WARNING
