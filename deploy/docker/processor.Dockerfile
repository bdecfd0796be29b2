# syntax=docker/dockerfile:1
# Prism Processor: docker build -f deploy/docker/processor.Dockerfile -t prism-processor .   (context: repository root)
# Tags are pinned; CI bumps them with the SDK in global.json.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.401
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0.12

FROM ${SDK_IMAGE} AS build
WORKDIR /src
# Restore layer: only the files restore reads, so it stays cached until a project file or a package pin changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Contracts/Contracts.csproj src/Contracts/
COPY src/ServiceDefaults/ServiceDefaults.csproj src/ServiceDefaults/
COPY src/Compute/Compute.csproj src/Compute/
COPY src/Processor/Processor.csproj src/Processor/
RUN dotnet restore src/Processor/Processor.csproj
COPY src/Contracts/ src/Contracts/
COPY src/ServiceDefaults/ src/ServiceDefaults/
COPY src/Compute/ src/Compute/
COPY src/Processor/ src/Processor/
RUN dotnet publish src/Processor/Processor.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=build /app ./
# ILGPU needs only libcuda.so.1 from the driver: the NVIDIA container runtime injects it (and
# nvidia-smi) when these variables ask for the compute capability. No CUDA toolkit in the image.
ENV ASPNETCORE_HTTP_PORTS=8082 \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
EXPOSE 8082
# The image's non-root user (UID 1654). The app writes nothing outside /tmp, so the root filesystem
# can be read-only (compose: read_only + tmpfs /tmp; Kubernetes: readOnlyRootFilesystem + emptyDir).
USER $APP_UID
# The aspnet image has no curl or wget; bash's /dev/tcp speaks enough HTTP/1.0 for a liveness check.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8082 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "Prism.Processor.dll"]
