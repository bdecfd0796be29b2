#!/usr/bin/env bash
# Deploys Prism to the cluster of $KUBECONFIG (CD passes a kubeconfig's text in KUBECONFIG_DATA):
# the kustomize base deploy/k8s with the images set to <tag>, then the KEDA objects in deploy/keda;
# waits for the rollouts and smoke-tests /health of each running service through a port-forward.
# The Secret prism-secrets must exist already (docs/operations.md, "Secrets").
#   scripts/deploy.sh <image tag> [registry]      registry defaults to $REGISTRY, else ghcr.io/prism-ai
set -euo pipefail
TAG=${1:?usage: scripts/deploy.sh <image tag> [registry]}
REGISTRY=${2:-${REGISTRY:-ghcr.io/prism-ai}}
NS=prism
cd "$(dirname "$0")/.."

cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c"; done' EXIT
if [[ -n ${KUBECONFIG_DATA:-} ]]; then
  KUBECONFIG=$(mktemp); export KUBECONFIG; cleanup+=("rm -f '$KUBECONFIG'")
  printf '%s\n' "$KUBECONFIG_DATA" > "$KUBECONFIG"
fi

# A throwaway overlay that only sets the images (kubectl has no `kustomize edit`).
overlay=$(mktemp -d deploy/.release-XXXXXX); cleanup+=("rm -rf '$overlay'")
{
  echo "apiVersion: kustomize.config.k8s.io/v1beta1"
  echo "kind: Kustomization"
  echo "resources: [../k8s]"
  echo "images:"
  for s in ingest results processor; do
    echo "  - { name: ghcr.io/prism-ai/prism-$s, newName: $REGISTRY/prism-$s, newTag: \"$TAG\" }"
  done
} > "$overlay/kustomization.yaml"

kubectl apply -k "$overlay"
kubectl apply -f deploy/keda/
for s in ingest results processor; do
  kubectl -n "$NS" rollout status "deployment/prism-$s" --timeout=5m
done

smoke() { # service port
  local ready; ready=$(kubectl -n "$NS" get "deployment/prism-$1" -o jsonpath='{.status.readyReplicas}')
  if [[ -z $ready || $ready == 0 ]]; then echo "smoke: prism-$1 has no ready replicas (KEDA scaled it to zero): skipped"; return; fi
  kubectl -n "$NS" port-forward "service/prism-$1" "1$2:$2" >/dev/null 2>&1 &
  local pf=$!
  for _ in $(seq 1 30); do curl -fsS "http://127.0.0.1:1$2/health" >/dev/null 2>&1 && break; sleep 1; done
  curl -fsS "http://127.0.0.1:1$2/health"; echo
  kill "$pf"
}
smoke ingest 8080
smoke results 8081
smoke processor 8082
echo "deploy: prism $TAG is live"
