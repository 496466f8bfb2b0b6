# syntax=docker/dockerfile:1
# The API's image: built from source in three stages, run as the image's non-root user, configured only through
# environment variables at run time (no setting, token, certificate or connection string is baked in).

# 1. The task pane's sign-in library (msal-browser), which the API serves from wwwroot/lib: the publish below stops
#    without it (the build stage has no npm to fetch it with).
FROM node:22-bookworm-slim AS pane
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# 2. Restore and publish the API (Release, framework-dependent: the runtime image brings ASP.NET Core).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY api/OutlookFollowUp.Api.csproj api/
COPY simulator/OutlookFollowUp.GraphSimulator.csproj simulator/
RUN dotnet restore api/OutlookFollowUp.Api.csproj
COPY api/ api/
COPY simulator/ simulator/
COPY addin-manifest/ addin-manifest/
COPY --from=pane /src/node_modules/@azure/msal-browser/lib/msal-browser.min.js node_modules/@azure/msal-browser/lib/
RUN dotnet publish api/OutlookFollowUp.Api.csproj -c Release --no-restore -o /app /p:UseAppHost=false

# 3. The runtime: ASP.NET Core on port 8080 as the non-root user "app" (uid 1654) the .NET images provide.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build --chown=root:root /app ./
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
USER $APP_UID
# The image has no curl: bash's /dev/tcp asks /health/live (the process answers; readiness is the orchestrator's probe).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "OutlookFollowUp.Api.dll"]
