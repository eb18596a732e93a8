"""The deployment files keep the promises an operator relies on: probes, limits, the restricted
Pod Security Standard, a disruption budget, lag-based scaling, and an image that checks itself.

Schemas are checked by tools in `make check` (hadolint, kubernetes-validate, kustomize); these
tests check what no schema says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
K8S = DEPLOY / "k8s"


def _documents(name: str) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all((K8S / name).read_text()) if doc]


def _deployment() -> dict[str, Any]:
    [deployment] = _documents("deployment.yaml")
    return deployment


def test_every_manifest_is_in_the_kustomization() -> None:
    [kustomization] = _documents("kustomization.yaml")
    listed = set(kustomization["resources"])
    present = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml", "secret.example.yaml"}
    assert listed == present


def test_the_worker_pod_meets_the_restricted_pod_security_standard() -> None:
    pod = _deployment()["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["seccompProfile"]["type"] in {"RuntimeDefault", "Localhost"}
    for volume in pod["volumes"]:
        assert not set(volume) & {"hostPath", "hostNetwork"}
    for container in pod["containers"]:
        context = container["securityContext"]
        assert context["allowPrivilegeEscalation"] is False
        assert context["capabilities"]["drop"] == ["ALL"]
        assert not context["capabilities"].get("add")
        assert context.get("privileged", False) is False


def test_the_worker_is_probed_and_bounded() -> None:
    [container] = _deployment()["spec"]["template"]["spec"]["containers"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert {"cpu", "memory"} <= set(container["resources"]["requests"])
    assert "memory" in container["resources"]["limits"]
    writable = {mount["mountPath"] for mount in container["volumeMounts"]}
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert "/tmp" in writable
    data_dir = {e["name"]: e["value"] for e in container["env"]}["NEWSSTREAM_WORKER_DATA_DIR"]
    assert any(data_dir.startswith(path) for path in writable)


def test_disruptions_and_scaling_target_the_worker() -> None:
    deployment = _deployment()
    labels = deployment["spec"]["selector"]["matchLabels"]
    [budget] = _documents("poddisruptionbudget.yaml")
    assert budget["spec"]["selector"]["matchLabels"] == labels
    scaled = next(d for d in _documents("scaledobject.yaml") if d["kind"] == "ScaledObject")
    assert scaled["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    [config] = _documents("configmap.yaml")
    partitions = int(config["data"]["NEWSSTREAM_TOPIC_PARTITIONS"])
    assert scaled["spec"]["maxReplicaCount"] <= partitions
    [trigger] = scaled["spec"]["triggers"]
    assert trigger["metadata"]["topic"] == f"{config['data']['NEWSSTREAM_TOPIC_PREFIX']}pages.raw"


def test_the_image_runs_unprivileged_and_checks_its_own_readiness() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    final = dockerfile.rsplit("FROM ", 1)[1]
    assert "USER 10001" in final
    assert "HEALTHCHECK" in final
    assert "/readyz" in final
    assert "org.opencontainers.image.version" in final
    ignored = (DEPLOY.parent / ".dockerignore").read_text().splitlines()
    assert ignored[1] == "*"  # only what is let back in below reaches the build
    assert not [line for line in ignored if line.startswith("!") and ".venv" in line]


def test_compose_keeps_broker_data_on_its_volume_and_checks_workers() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    kafka = compose["services"]["kafka"]
    [volume] = kafka["volumes"]
    assert volume.split(":")[1] == kafka["environment"]["KAFKA_LOG_DIRS"]
    worker = compose["services"]["worker"]
    assert "/readyz" in " ".join(worker["healthcheck"]["test"])
    assert worker["deploy"]["replicas"] >= 2
