FROM python:3.11-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends \
      fonts-noto-cjk fonts-arphic-ukai gettext libpango-1.0-0 libpangoft2-1.0-0 \
      libharfbuzz-subset0 poppler-utils \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -e . \
    && PORTAL_ENV=production SECRET_KEY=build-only FIELD_ENCRYPTION_KEYS=build-only ALLOWED_HOSTS=localhost STATIC_ROOT=/srv/static \
       python manage.py collectstatic --noinput -v0
RUN useradd --create-home portal && mkdir -p /srv/media /srv/media-private && chown portal /srv/media /srv/media-private
USER portal
EXPOSE 8000
