"""Offline checks of the Kubernetes manifests in deploy/k8s (docs/deploy.md).

No cluster and no kubectl: the kustomization is rendered here by reading its
``resources`` list (it holds nothing else that needs kustomize), and every
document of every manifest file is validated against the Kubernetes JSON
schemas bundled with kubernetes-validate, strictly (an unknown or misspelt
field is an error), for each version in ``K8S_VERSIONS``.

The other tests check what a schema cannot: no wildcard origin, no secret
values in the repository, requests, limits and probes on every container, the
security context, the Ingress routing (never Rasa's HTTP API, never the action
server; sticky socket.io), the NetworkPolicy reachability (evaluated with the
Kubernetes rules over the pods of the manifests), and that the manifests agree
with the repository: the commands' files, endpoints.yml's variables,
.env.example's settings, the Services' ports.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
# The oldest Kubernetes the manifests are written for (lifecycle.preStop.sleep
# needs 1.30 or newer), and the newest schema kubernetes-validate 1.37.0 carries.
K8S_VERSIONS = ("1.32", "1.37")
IMAGE_REPOSITORY = "ghcr.io/digipoint/digipoint"
NAMESPACE = "digipoint"
# In a pod, the servers listen on the pod's addresses (the NetworkPolicy decides who connects).
ALL_INTERFACES = "0.0.0.0"  # noqa: S104
SECRET_NAME = "digipoint-secrets"
# Files beside the kustomization that it must not list (see kustomization.yaml).
NOT_IN_KUSTOMIZATION = {"secret.example.yaml", "migrate-job.yaml"}
# Where the ingress-nginx controller runs (its chart's labels); see networkpolicy.yaml.
INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx"
INGRESS_CONTROLLER_LABELS = {"app.kubernetes.io/name": "ingress-nginx"}
# Settings the Secret must hold: they are secrets, or URLs that carry a password.
SECRET_SETTINGS = {
    "RASA_TOKEN", "ACTION_SERVER_TOKEN", "RESUME_CODE_SECRET", "DATABASE_URL", "TRACKER_DB_URL",
    "LOCK_STORE_URL", "SOCKETIO_REDIS_URL", "JOBMARKET_SUBSCRIPTION_KEY",
}
# Settings not (yet) in .env.example that the manifests may set (SQL_*: Rasa's
# tracker store pool, read by Rasa itself).
EXTRA_SETTINGS = {"LOCK_STORE_URL", "SOCKETIO_REDIS_URL", "RASA_TELEMETRY_ENABLED", "SQL_POOL_SIZE",
                  "SQL_MAX_OVERFLOW"}
# Containers without health probes, and why (the reason is also in worker.yaml).
PROBES_EXEMPT = {"worker": "no port; its loop survives outages and a crash restarts the container"}


# --- loading -----------------------------------------------------------------------------------


@functools.cache
def _parsed(path: Path) -> tuple[dict[str, Any], ...]:
    return tuple(doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc)


def load_documents(path: Path) -> list[dict[str, Any]]:
    """The non-empty YAML documents of one file (a fresh copy each call)."""
    return copy.deepcopy(list(_parsed(path)))


def kustomization() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    return data


def manifest_files() -> list[Path]:
    """Every manifest file in deploy/k8s (listed in the kustomization or not)."""
    return sorted(p for p in K8S.glob("*.y*ml") if p.name != "kustomization.yaml")


def render() -> list[dict[str, Any]]:
    """What ``kubectl apply -k deploy/k8s`` applies: its resources, the namespace and images set."""
    return copy.deepcopy(list(_rendered()))


@functools.cache
def _rendered() -> tuple[dict[str, Any], ...]:
    kust = kustomization()
    namespace = kust.get("namespace")
    images = {image["name"]: image for image in kust.get("images", [])}
    docs = []
    for name in kust["resources"]:
        for doc in load_documents(K8S / name):
            if namespace and doc["kind"] not in CLUSTER_SCOPED:
                doc["metadata"]["namespace"] = namespace
            for container in containers(doc):
                repository, _, tag = container["image"].rpartition(":")
                if repository in images:
                    change = images[repository]
                    container["image"] = f"{change.get('newName', repository)}:{change.get('newTag', tag)}"
            docs.append(doc)
    return tuple(docs)


CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "IngressClass"}


def pod_spec(doc: dict[str, Any]) -> dict[str, Any] | None:
    """The pod spec of a Deployment or a Job (else None)."""
    if doc["kind"] in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
        spec: dict[str, Any] = doc["spec"]["template"]["spec"]
        return spec
    return None


def containers(doc: dict[str, Any]) -> list[dict[str, Any]]:
    spec = pod_spec(doc)
    if spec is None:
        return []
    return [*spec.get("initContainers", []), *spec["containers"]]


def of_kind(docs: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [doc for doc in docs if doc["kind"] == kind]


def named(docs: list[dict[str, Any]], kind: str, name: str) -> dict[str, Any]:
    found = [doc for doc in of_kind(docs, kind) if doc["metadata"]["name"] == name]
    assert len(found) == 1, f"expected one {kind} {name}, found {len(found)}"
    return found[0]


def component(doc: dict[str, Any]) -> str:
    return str(doc["spec"]["template"]["metadata"]["labels"]["app.kubernetes.io/component"])


def workloads() -> dict[str, dict[str, Any]]:
    """The Deployments of the kustomization by component (rasa, actions, web, worker)."""
    return {component(doc): doc for doc in of_kind(render(), "Deployment")}


def migrate_job() -> dict[str, Any]:
    [job] = load_documents(K8S / "migrate-job.yaml")
    return job


def all_pod_templates() -> list[dict[str, Any]]:
    return [*workloads().values(), migrate_job()]


def secret_example() -> dict[str, Any]:
    [secret] = load_documents(K8S / "secret.example.yaml")
    return secret


def configmap() -> dict[str, Any]:
    return named(render(), "ConfigMap", "digipoint-config")


# --- schema --------------------------------------------------------------------------------------


def _documents_to_validate() -> Iterator[Any]:
    for path in manifest_files():
        for index, doc in enumerate(load_documents(path)):
            for version in K8S_VERSIONS:
                label = f"{path.name}#{index}:{doc.get('kind')}/{doc.get('metadata', {}).get('name')}"
                yield pytest.param(doc, version, id=f"{label}@{version}")


@pytest.mark.parametrize(("doc", "version"), list(_documents_to_validate()))
def test_every_manifest_validates_against_the_kubernetes_schema(doc: dict[str, Any], version: str) -> None:
    used = kubernetes_validate.validate(doc, version, strict=True)
    # kubernetes-validate falls back to an older schema when it lacks the one asked for.
    assert used == version


def test_kustomization_holds_only_what_this_test_renders() -> None:
    kust = kustomization()
    assert kust["apiVersion"] == "kustomize.config.k8s.io/v1beta1"
    assert kust["kind"] == "Kustomization"
    # Patches, generators, overlays or components would make render() differ from kubectl.
    assert set(kust) <= {"apiVersion", "kind", "namespace", "resources", "images"}
    assert kust["namespace"] == NAMESPACE
    listed = list(kust["resources"])
    assert len(listed) == len(set(listed))
    for name in listed:
        assert (K8S / name).is_file(), f"kustomization lists {name}, which does not exist"
    on_disk = {path.name for path in manifest_files()}
    assert set(listed) == on_disk - NOT_IN_KUSTOMIZATION, "a manifest file is neither listed nor excluded"
    assert not NOT_IN_KUSTOMIZATION & set(listed)


def test_every_object_is_in_digipoints_namespace() -> None:
    docs = [doc for path in manifest_files() for doc in load_documents(path)]
    for doc in docs:
        if doc["kind"] in CLUSTER_SCOPED:
            continue
        assert doc["metadata"].get("namespace") == NAMESPACE, doc["metadata"]


def test_the_namespace_enforces_the_restricted_pod_security_standard() -> None:
    namespace = named(render(), "Namespace", NAMESPACE)
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"


# --- settings and secrets ----------------------------------------------------------------------


def env_example_settings() -> set[str]:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE))


def test_allowed_origins_are_real_https_origins_never_a_wildcard() -> None:
    data = configmap()["data"]
    assert data["DIGIPOINT_ENV"] == "production"
    origins = [o.strip() for o in data["ALLOWED_ORIGINS"].split(",")]
    assert origins and all(origins), "empty entries in ALLOWED_ORIGINS"
    assert "*" not in data["ALLOWED_ORIGINS"]
    for origin in origins:
        parts = urlsplit(origin)
        assert parts.scheme == "https", origin
        assert parts.hostname and "." in parts.hostname, origin
        assert origin == f"{parts.scheme}://{parts.netloc}", f"{origin}: an origin has no path"
    # The demo pages and the coach dashboard are served from the public host itself.
    public = urlsplit(data["RASA_PUBLIC_URL"])
    assert f"{public.scheme}://{public.netloc}" in origins


def test_no_secret_values_are_committed() -> None:
    assert not of_kind(render(), "Secret"), "the kustomization must not create a Secret"
    assert "secretGenerator" not in kustomization()
    for path in manifest_files():
        for doc in load_documents(path):
            if doc["kind"] != "Secret":
                continue
            assert "data" not in doc, f"{path.name}: base64 data in a committed Secret"
            filled = {key: value for key, value in doc.get("stringData", {}).items() if value}
            assert not filled, f"{path.name}: values in a committed Secret: {sorted(filled)}"


def test_the_secret_holds_the_secret_settings_and_the_configmap_none_of_them() -> None:
    secret_keys = set(secret_example()["stringData"])
    assert secret_keys == SECRET_SETTINGS
    data = configmap()["data"]
    assert not SECRET_SETTINGS & set(data)
    for key, value in data.items():
        assert not re.search(r"TOKEN|SECRET|PASSWORD|_KEY$", key), key
        # No user:password@ in a URL.
        assert not re.search(r"://[^/@\s]*:[^/@\s]*@", str(value)), f"{key} holds credentials"


def test_every_setting_is_one_digipoint_knows() -> None:
    known = env_example_settings() | EXTRA_SETTINGS
    assert set(configmap()["data"]) <= known, set(configmap()["data"]) - known
    assert set(secret_example()["stringData"]) <= known


def test_every_variable_of_endpoints_yml_reaches_rasa() -> None:
    """Rasa refuses to start when endpoints.yml names a variable its environment lacks."""
    wanted = set(re.findall(r"\$\{(\w+)\}", " ".join(strings(yaml.safe_load(
        (ROOT / "endpoints.yml").read_text(encoding="utf-8"))))))
    assert wanted, "endpoints.yml reads no variables?"
    rasa = workloads()["rasa"]["spec"]["template"]["spec"]["containers"][0]
    given = environment_keys(rasa)
    assert wanted <= given, f"Rasa lacks {sorted(wanted - given)}"


def strings(node: Any) -> Iterator[str]:
    """Every string value in a parsed YAML tree (comments are gone by then)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def environment_keys(container: dict[str, Any]) -> set[str]:
    keys = {item["name"] for item in container.get("env", [])}
    for source in container.get("envFrom", []):
        if "configMapRef" in source:
            assert source["configMapRef"]["name"] == "digipoint-config"
            keys |= set(configmap()["data"])
        if "secretRef" in source:
            assert source["secretRef"]["name"] == SECRET_NAME
            keys |= set(secret_example()["stringData"])
    return keys


def test_env_references_name_the_configmap_and_secret_keys_that_exist() -> None:
    secret_keys = set(secret_example()["stringData"])
    for doc in all_pod_templates():
        for container in containers(doc):
            environment_keys(container)  # asserts the envFrom names
            for item in container.get("env", []):
                ref = item.get("valueFrom", {}).get("secretKeyRef")
                if ref:
                    assert ref["name"] == SECRET_NAME and ref["key"] in secret_keys, item


def test_internal_urls_point_at_the_services() -> None:
    docs = render()
    data = configmap()["data"]
    for key, service in (("RASA_URL", "digipoint-rasa"), ("ACTION_ENDPOINT_URL", "digipoint-actions"),
                         ("ACTION_SERVER_URL", "digipoint-actions")):
        url = urlsplit(data[key])
        assert url.scheme == "http" and url.hostname == service, data[key]
        ports = [p["port"] for p in named(docs, "Service", service)["spec"]["ports"]]
        assert url.port in ports, data[key]
    assert urlsplit(data["ACTION_ENDPOINT_URL"]).path == "/webhook"
    hosts = {rule["host"] for ingress in of_kind(docs, "Ingress") for rule in ingress["spec"]["rules"]}
    public = urlsplit(data["RASA_PUBLIC_URL"])
    assert public.scheme == "https" and public.hostname in hosts


# --- workloads -------------------------------------------------------------------------------------


def test_replicas_rasa_and_actions_at_least_two_one_worker() -> None:
    found = workloads()
    assert set(found) == {"rasa", "actions", "web", "worker"}
    assert found["rasa"]["spec"]["replicas"] >= 2
    assert found["actions"]["spec"]["replicas"] >= 2
    assert found["web"]["spec"]["replicas"] >= 2
    assert found["worker"]["spec"]["replicas"] == 1
    # Never two workers at once during a rollout.
    assert found["worker"]["spec"]["strategy"]["type"] == "Recreate"


def argv(container: dict[str, Any]) -> list[str]:
    return [*container.get("command", []), *container.get("args", [])]


def option(args: list[str], name: str) -> str:
    assert name in args, f"{name} missing from {args}"
    return args[args.index(name) + 1]


def container_port(container: dict[str, Any], name: str = "http") -> int:
    [port] = [p["containerPort"] for p in container.get("ports", []) if p["name"] == name]
    return int(port)


def test_the_commands_are_those_of_deploy_render_py_and_their_files_exist() -> None:
    found = {name: doc["spec"]["template"]["spec"]["containers"][0] for name, doc in workloads().items()}
    rasa = argv(found["rasa"])
    assert rasa[:3] == ["/app/.venv-rasa/bin/python", "scripts/rasa_launch.py", "run"]
    assert "--enable-api" in rasa
    # The launcher adds the token from RASA_TOKEN; on the command line it shows in ps.
    assert not any(a in ("-t", "--auth-token") or a.startswith("--auth-token") for a in rasa)
    assert option(rasa, "--interface") == ALL_INTERFACES
    assert int(option(rasa, "--port")) == container_port(found["rasa"]) == 5005
    for flag in ("--credentials", "--endpoints"):
        assert (ROOT / option(rasa, flag)).is_file()
    assert (ROOT / "scripts" / "rasa_launch.py").is_file()
    model = option(rasa, "--model")
    assert f"MODEL={model}" in (ROOT / "scripts" / "train_if_needed.sh").read_text(encoding="utf-8")

    actions = argv(found["actions"])
    assert actions[:3] == ["/app/.venv/bin/python", "-m", "actions.server"]
    assert int(option(actions, "--port")) == container_port(found["actions"]) == 5055
    assert (ROOT / "actions" / "server" / "__main__.py").is_file()
    assert {"name": "SANIC_HOST", "value": ALL_INTERFACES} in found["actions"]["env"]

    web = argv(found["web"])
    assert web[:3] == ["/app/.venv/bin/uvicorn", "bot.web.app:create_app", "--factory"]
    assert option(web, "--host") == ALL_INTERFACES
    assert int(option(web, "--port")) == container_port(found["web"])
    assert "def create_app" in (ROOT / "bot" / "web" / "app.py").read_text(encoding="utf-8")

    assert argv(found["worker"]) == ["/app/.venv/bin/python", "-m", "bot.worker"]
    assert (ROOT / "bot" / "worker" / "__main__.py").is_file()

    job = migrate_job()["spec"]["template"]["spec"]["containers"][0]
    assert argv(job) == ["/app/.venv/bin/python", "-m", "alembic", "upgrade", "head"]
    assert (ROOT / "alembic.ini").is_file()
    for container in found.values():
        assert container["workingDir"] == "/app"


def test_every_container_runs_the_digipoint_image_with_a_tag() -> None:
    images = {c["image"] for doc in all_pod_templates() for c in containers(doc)}
    assert len(images) == 1, f"one image for every process: {images}"
    [image] = images
    repository, _, tag = image.rpartition(":")
    assert repository == IMAGE_REPOSITORY
    assert tag and tag != "latest"


_QUANTITY = re.compile(r"^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$")
_FACTORS = {None: 1.0, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12,
            "Ki": 2.0**10, "Mi": 2.0**20, "Gi": 2.0**30, "Ti": 2.0**40}


def quantity(value: str | int | float) -> float:
    match = _QUANTITY.match(str(value))
    assert match, f"unreadable quantity {value!r}"
    return float(match.group(1)) * _FACTORS[match.group(2)]


def test_every_container_has_requests_and_limits() -> None:
    for doc in all_pod_templates():
        for container in containers(doc):
            resources = container.get("resources", {})
            for resource in ("cpu", "memory"):
                request = resources.get("requests", {}).get(resource)
                limit = resources.get("limits", {}).get(resource)
                assert request and limit, f"{container['name']}: {resource} request and limit"
                assert quantity(request) <= quantity(limit), f"{container['name']}: {resource}"
    rasa = workloads()["rasa"]["spec"]["template"]["spec"]["containers"][0]["resources"]
    assert quantity(rasa["requests"]["memory"]) >= quantity("800Mi")
    assert quantity(rasa["limits"]["memory"]) >= quantity("1Gi")


def probe_target(probe: dict[str, Any]) -> tuple[str, str | int]:
    if "httpGet" in probe:
        return probe["httpGet"]["path"], probe["httpGet"]["port"]
    if "tcpSocket" in probe:
        return "tcp", probe["tcpSocket"]["port"]
    raise AssertionError(f"unexpected probe {probe}")


def test_every_serving_container_has_startup_readiness_and_liveness_probes() -> None:
    for name, doc in workloads().items():
        [container] = doc["spec"]["template"]["spec"]["containers"]
        if name in PROBES_EXEMPT:
            assert not container.get("ports"), f"{name} has a port: it can be probed"
            assert "No probes" in (K8S / f"{name}.yaml").read_text(encoding="utf-8"), "say why"
            continue
        port_names = {p["name"] for p in container["ports"]}
        port_numbers = {p["containerPort"] for p in container["ports"]}
        for kind in ("startupProbe", "readinessProbe", "livenessProbe"):
            assert kind in container, f"{name}: no {kind}"
            _, port = probe_target(container[kind])
            assert port in port_names | port_numbers, f"{name} {kind}: port {port} is not the container's"


def test_health_probes_ask_the_health_endpoints() -> None:
    found = {name: doc["spec"]["template"]["spec"]["containers"][0] for name, doc in workloads().items()}
    assert probe_target(found["rasa"]["startupProbe"]) == ("/webhooks/health/", "http")
    assert "rasa_addons.health.HealthInput" in (ROOT / "credentials.yml").read_text(encoding="utf-8")
    assert probe_target(found["actions"]["readinessProbe"]) == ("/health", "http")
    assert probe_target(found["web"]["readinessProbe"]) == ("/healthz", "http")
    # Liveness never depends on the database: an outage must not restart every pod.
    database_health = {"/webhooks/health/", "/health", "/healthz"}
    for name in ("rasa", "actions", "web"):
        path, _ = probe_target(found[name]["livenessProbe"])
        assert path not in database_health, name
    css = probe_target(found["web"]["livenessProbe"])[0].removeprefix("/static/")
    assert (ROOT / "bot" / "web" / "static" / css).is_file()


def test_pods_run_unprivileged_with_a_read_only_root() -> None:
    for doc in all_pod_templates():
        spec = pod_spec(doc)
        assert spec is not None
        where = doc["metadata"].get("name") or doc["metadata"].get("generateName")
        pod = spec["securityContext"]
        assert pod["runAsNonRoot"] is True, where
        assert pod.get("runAsUser", 0) != 0, where
        assert pod["seccompProfile"]["type"] == "RuntimeDefault", where
        assert spec["automountServiceAccountToken"] is False, where
        assert spec["enableServiceLinks"] is False, where
        assert spec["serviceAccountName"] == "digipoint", where
        for host in ("hostNetwork", "hostPID", "hostIPC"):
            assert not spec.get(host), where
        volumes = {v["name"]: v for v in spec.get("volumes", [])}
        assert not any("hostPath" in v for v in volumes.values()), where
        for container in containers(doc):
            context = container["securityContext"]
            assert context["allowPrivilegeEscalation"] is False, where
            assert context["readOnlyRootFilesystem"] is True, where
            assert context.get("privileged") is not True, where
            assert context["capabilities"]["drop"] == ["ALL"], where
            assert not context["capabilities"].get("add"), where
            # A writable /tmp (an emptyDir), where HOME points.
            mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
            assert "emptyDir" in volumes[mounts["/tmp"]], where
            assert {"name": "HOME", "value": "/tmp"} in container["env"], where
    service_account = named(render(), "ServiceAccount", "digipoint")
    assert service_account["automountServiceAccountToken"] is False


def test_the_containerfile_builds_for_the_manifests_user_and_paths() -> None:
    text = (ROOT / "deploy" / "container" / "Containerfile").read_text(encoding="utf-8")
    users = {doc_pod["securityContext"]["runAsUser"] for doc_pod in map(pod_spec, all_pod_templates())
             if doc_pod is not None}
    [uid] = users
    assert re.search(rf"^USER {uid}(:\d+)?$", text, flags=re.MULTILINE)
    assert re.search(r"^WORKDIR /app$", text, flags=re.MULTILINE)
    assert "/app/.venv-rasa" in text and "/app/.venv " in text
    assert "scripts/train_if_needed.sh" in text


def test_the_migration_job_stays_out_of_the_kustomization_and_sees_only_the_database_url() -> None:
    job = migrate_job()
    assert job["kind"] == "Job"
    assert "generateName" in job["metadata"] and "name" not in job["metadata"]
    spec = job["spec"]["template"]["spec"]
    assert spec["restartPolicy"] == "Never"
    [container] = spec["containers"]
    assert "envFrom" not in container
    secret_refs = [item["valueFrom"]["secretKeyRef"]["key"] for item in container["env"]
                   if "valueFrom" in item]
    assert secret_refs == ["DATABASE_URL"]


# --- services, disruption budgets -------------------------------------------------------------------


def selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    """A LabelSelector (matchLabels, matchExpressions) against labels; {} selects all."""
    for key, value in selector.get("matchLabels", {}).items():
        if labels.get(key) != value:
            return False
    for expression in selector.get("matchExpressions", []):
        key, operator, values = expression["key"], expression["operator"], expression.get("values", [])
        ok = {
            "In": key in labels and labels[key] in values,
            "NotIn": key not in labels or labels[key] not in values,
            "Exists": key in labels,
            "DoesNotExist": key not in labels,
        }[operator]
        if not ok:
            return False
    return True


def test_each_service_selects_one_deployment_and_its_named_port() -> None:
    docs = render()
    deployments = of_kind(docs, "Deployment")
    for service in of_kind(docs, "Service"):
        assert service["spec"].get("type", "ClusterIP") == "ClusterIP"
        chosen = [d for d in deployments if selects({"matchLabels": service["spec"]["selector"]},
                                                     d["spec"]["template"]["metadata"]["labels"])]
        assert len(chosen) == 1, service["metadata"]["name"]
        [container] = chosen[0]["spec"]["template"]["spec"]["containers"]
        for port in service["spec"]["ports"]:
            assert port["targetPort"] in {p["name"] for p in container["ports"]}
    assert {s["metadata"]["name"] for s in of_kind(docs, "Service")} == {
        "digipoint-rasa", "digipoint-actions", "digipoint-web"}


def test_disruption_budgets_keep_rasa_and_actions_serving_and_let_nodes_drain() -> None:
    docs = render()
    budgets = of_kind(docs, "PodDisruptionBudget")
    for name, deployment in workloads().items():
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        mine = [b for b in budgets if selects(b["spec"]["selector"], labels)]
        if name in ("rasa", "actions"):
            assert len(mine) == 1, f"{name}: one PodDisruptionBudget"
        for budget in mine:
            replicas = deployment["spec"]["replicas"]
            spec = budget["spec"]
            allowed = spec["maxUnavailable"] if "maxUnavailable" in spec else replicas - spec["minAvailable"]
            assert isinstance(allowed, int), "use whole numbers"
            # One pod may go (a drain can proceed), never all of them.
            assert 1 <= allowed < replicas, name


# --- ingress ---------------------------------------------------------------------------------------


def ingress_backend(path: str, host: str) -> str | None:
    """The Service a request for ``path`` reaches, by the Ingress rules (longest match wins)."""
    best: tuple[int, str] | None = None
    for ingress in of_kind(render(), "Ingress"):
        for rule in ingress["spec"]["rules"]:
            if rule.get("host") not in (None, host):
                continue
            for item in rule["http"]["paths"]:
                prefix, kind = item["path"], item["pathType"]
                if kind == "Exact":
                    matches = path == prefix
                else:
                    trimmed = prefix.rstrip("/")
                    matches = prefix == "/" or path == trimmed or path.startswith(trimmed + "/")
                if matches and (best is None or len(prefix) > best[0]):
                    best = (len(prefix), item["backend"]["service"]["name"])
    return best[1] if best else None


def public_host() -> str:
    host = urlsplit(configmap()["data"]["RASA_PUBLIC_URL"]).hostname
    assert host
    return host


# Rasa's HTTP API (rasa/server.py) and the action server's routes.
NEVER_PUBLIC_ON_RASA = [
    "/", "/conversations/abc/tracker", "/conversations/abc/messages", "/conversations/abc/execute",
    "/conversations/abc/trigger_intent", "/conversations/abc/predict", "/conversations/abc/tracker/events",
    "/conversations/abc/story", "/model", "/model/parse", "/model/train", "/model/test/intents",
    "/model/predict", "/status", "/version", "/domain", "/webhook", "/actions", "/health",
]


@pytest.mark.parametrize("path", NEVER_PUBLIC_ON_RASA)
def test_the_ingress_never_routes_rasas_api_or_the_action_server(path: str) -> None:
    backend = ingress_backend(path, public_host())
    assert backend not in ("digipoint-rasa", "digipoint-actions"), f"{path} -> {backend}"


@pytest.mark.parametrize(("path", "service"), [
    ("/webhooks/rest/webhook", "digipoint-rasa"),
    ("/webhooks/health/", "digipoint-rasa"),
    ("/socket.io/", "digipoint-rasa"),
    ("/socket.io", "digipoint-rasa"),
    ("/", "digipoint-web"),
    ("/coach/", "digipoint-web"),
    ("/static/widget.js", "digipoint-web"),
    ("/espoo/fi/", "digipoint-web"),
])
def test_the_ingress_routes_the_chat_to_rasa_and_the_rest_to_the_web_app(path: str, service: str) -> None:
    assert ingress_backend(path, public_host()) == service


def test_ingress_objects_only_know_the_web_app_and_rasas_chat_paths() -> None:
    rasa_paths = set()
    for ingress in of_kind(render(), "Ingress"):
        spec = ingress["spec"]
        assert "defaultBackend" not in spec
        assert spec["ingressClassName"] == "nginx"
        annotations = ingress["metadata"].get("annotations", {})
        # Regular expressions, rewrites or raw nginx snippets could reopen the API paths.
        for risky in ("use-regex", "rewrite-target", "server-snippet", "configuration-snippet", "app-root"):
            assert f"nginx.ingress.kubernetes.io/{risky}" not in annotations
        tls_hosts = {host for entry in spec["tls"] for host in entry["hosts"]}
        for rule in spec["rules"]:
            assert rule["host"] in tls_hosts, "every host served over TLS"
            for item in rule["http"]["paths"]:
                service = item["backend"]["service"]["name"]
                assert service in ("digipoint-web", "digipoint-rasa")
                assert item["pathType"] in ("Prefix", "Exact")
                if service == "digipoint-rasa":
                    rasa_paths.add(item["path"])
                    assert annotations.get("nginx.ingress.kubernetes.io/affinity") == "cookie", (
                        "socket.io needs sticky sessions on the Rasa paths")
                    assert annotations.get("nginx.ingress.kubernetes.io/session-cookie-name")
    assert rasa_paths == {"/webhooks", "/socket.io"}


# --- network policy -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pod:
    namespace: str
    labels: tuple[tuple[str, str], ...]

    @property
    def label_map(self) -> dict[str, str]:
        return dict(self.labels)

    @property
    def namespace_labels(self) -> dict[str, str]:
        return {"kubernetes.io/metadata.name": self.namespace}


def pod_of(doc: dict[str, Any]) -> Pod:
    return Pod(NAMESPACE, tuple(sorted(doc["spec"]["template"]["metadata"]["labels"].items())))


def peer_matches(peer: dict[str, Any], source: Pod, policy_namespace: str) -> bool:
    assert "ipBlock" not in peer, "no ipBlock: it lets in whatever sits behind those addresses"
    if "namespaceSelector" in peer:
        if not selects(peer["namespaceSelector"], source.namespace_labels):
            return False
    elif source.namespace != policy_namespace:
        return False
    return selects(peer.get("podSelector", {}), source.label_map)


def may_connect(source: Pod, target: Pod, port: int) -> bool:
    """Whether NetworkPolicy lets ``source`` open TCP ``port`` on ``target`` (ingress rules only)."""
    policies = [
        p for p in of_kind(render(), "NetworkPolicy")
        if p["metadata"]["namespace"] == target.namespace
        and selects(p["spec"]["podSelector"], target.label_map)
        and "Ingress" in p["spec"].get("policyTypes", ["Ingress"])
    ]
    if not policies:
        return True
    for policy in policies:
        for rule in policy["spec"].get("ingress", []):
            peers = rule.get("from")
            namespace = policy["metadata"]["namespace"]
            if peers and not any(peer_matches(peer, source, namespace) for peer in peers):
                continue
            ports = rule.get("ports")
            if not ports or any(p.get("protocol", "TCP") == "TCP" and p.get("port") == port for p in ports):
                return True
    return False


def sources() -> dict[str, Pod]:
    """Every kind of pod that could try to connect."""
    found = {name: pod_of(doc) for name, doc in workloads().items()}
    found["migrate"] = pod_of(migrate_job())
    controller = tuple(sorted(INGRESS_CONTROLLER_LABELS.items()))
    found["ingress controller"] = Pod(INGRESS_CONTROLLER_NAMESPACE, controller)
    found["other pod in the controller's namespace"] = Pod(INGRESS_CONTROLLER_NAMESPACE, (("app", "other"),))
    found["controller look-alike in another namespace"] = Pod("default", controller)
    found["stranger in digipoint's namespace"] = Pod(NAMESPACE, (("app", "debug-shell"),))
    found["look-alike of rasa in another namespace"] = Pod("default", found["rasa"].labels)
    return found


# Who may reach each server's port; nobody may reach the worker or anything on another port.
REACHABLE_FROM = {
    "web": {"ingress controller"},
    "rasa": {"ingress controller", "web", "worker"},
    "actions": {"rasa"},
}


@pytest.mark.parametrize("target", ["web", "rasa", "actions", "worker"])
def test_network_policy_reachability(target: str) -> None:
    deployments = workloads()
    pod = pod_of(deployments[target])
    [container] = deployments[target]["spec"]["template"]["spec"]["containers"]
    ports = [p["containerPort"] for p in container.get("ports", [])] or [8080]
    everyone = sources()
    for port in ports:
        allowed = {name for name, source in everyone.items() if may_connect(source, pod, port)}
        assert allowed == REACHABLE_FROM.get(target, set()), f"{target}:{port}"
        other = {name for name, source in everyone.items() if may_connect(source, pod, 2222)}
        assert not other, f"{target}: another port is open to {other}"


def test_the_action_server_is_reachable_from_rasa_pods_only() -> None:
    everyone = sources()
    actions = pod_of(workloads()["actions"])
    assert {name for name, pod in everyone.items() if may_connect(pod, actions, 5055)} == {"rasa"}


def test_a_default_deny_policy_covers_every_pod() -> None:
    policies = of_kind(render(), "NetworkPolicy")
    deny = [p for p in policies if p["spec"]["podSelector"] == {} and not p["spec"].get("ingress")]
    assert deny and "Ingress" in deny[0]["spec"]["policyTypes"]


# --- documentation ---------------------------------------------------------------------------------


def test_docs_create_the_secret_with_every_key() -> None:
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    given = set(re.findall(r"--from-literal=([A-Z_]+)=", text))
    assert given == set(secret_example()["stringData"])
    assert "create secret generic digipoint-secrets" in text


def test_docs_migration_command_replaces_the_jobs_image() -> None:
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    [image] = {c["image"] for c in containers(migrate_job())}
    assert f'sed "s|{image}|$IMAGE|" deploy/k8s/migrate-job.yaml' in text
