# Trygghet: the API and the app it serves, in a small non-root image.
#   docker build -t trygghet-api .
#   docker run -p 8080:8080 -e DATABASE_URL=postgres://user:pass@host:5432/trygghet -e Auth__Authority=https://issuer \
#     -e Site__PublicUrl=https://trygghet.example.se -e Mail__SmtpHost=smtp.example.se trygghet-api
# The image runs in Production, which refuses to start without these (one message per missing setting, exit code 1);
# behind a reverse proxy add Proxy__KnownProxies or Proxy__KnownNetworks (docs/configuration.md).

# The app (spa/) on the generated TypeScript client: built once, served by the API from the same origin (ADR 0010).
FROM node:22-bookworm-slim AS app
WORKDIR /src
COPY client-generated/typescript/src/ client-generated/typescript/src/
COPY spa/package.json spa/package-lock.json spa/
RUN cd spa && npm ci --no-audit --no-fund
COPY spa/ spa/
RUN cd spa && npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the project files alone, so the package layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY api/*.csproj api/
RUN dotnet restore api/Trygghet.Api.csproj

COPY api/ api/
RUN dotnet publish api/Trygghet.Api.csproj -c Release -o /app --no-restore -p:UseAppHost=false

# The regular Ubuntu image, not the chiseled one: the API needs ICU (Swedish culture, InvariantGlobalization=false)
# and tzdata (Europe/Stockholm), which plain chiseled images leave out, and the health check needs a shell.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY --from=app /src/spa/dist /app/spa

# One listening address, set here; the base image's ASPNETCORE_HTTP_PORTS is cleared so Kestrel does not warn that URLS overrides it.
ENV ASPNETCORE_HTTP_PORTS= \
    ASPNETCORE_URLS=http://+:8080 \
    Spa__Root=/app/spa
EXPOSE 8080

# The image has neither curl nor wget; rather than install one for this alone, bash's /dev/tcp sends the request.
# Ready means the database is reachable and every migration is applied; start-up retries the database for up to a minute.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" >&3 && read -r -t 4 _ status _ <&3 && [ "$status" = 200 ]'

# Outside Production, without an SMTP host, e-mails are written as .eml files: give the unprivileged user a folder
# for them (mount a volume there to keep them). Production requires Mail__SmtpHost.
RUN mkdir -p /app/mail && chown "$APP_UID" /app/mail
ENV Mail__PickupDirectory=/app/mail

# The base image's unprivileged user "app".
USER $APP_UID
ENTRYPOINT ["dotnet", "Trygghet.Api.dll"]
