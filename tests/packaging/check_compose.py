#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks installer/docker/docker-compose.yml without Docker (our machines have no engine).

  check_compose.py COMPOSE_FILE PREPARED_DIR

PREPARED_DIR is the output of installer/docker/prepare.sh. Checked: the YAML parses; the expected services
exist; every depends_on, network, named volume and YAML anchor resolves; every bind-mounted file and
env_file exists in PREPARED_DIR; every ${VAR} the file interpolates without a default is defined in .env;
no secret is written inline; the collectors are hardened (read-only, no capabilities, no-new-privileges) and
health-checked; nginx's rendered upstream names the collector services; the secret files are 0600.
"""
import os
import re
import stat
import sys

import yaml

EXPECTED = {"postgres", "redis", "migrate", "collector-1", "collector-2", "nginx"}
errors = []


def fail(msg):
    errors.append(msg)


def main(compose_path, prepared):
    with open(compose_path, encoding="utf-8") as f:
        text = f.read()
    doc = yaml.safe_load(text)
    services = doc.get("services") or {}
    missing = EXPECTED - set(services)
    if missing:
        fail("services missing: %s" % sorted(missing))

    named_volumes = set((doc.get("volumes") or {}).keys())
    networks = set((doc.get("networks") or {}).keys())
    env = {}
    with open(os.path.join(prepared, ".env"), encoding="utf-8") as f:
        for line in f:
            if "=" in line and not line.startswith("#"):
                k, v = line.rstrip("\n").split("=", 1)
                env[k] = v

    # ${VAR} without a default must be defined in .env; ${VAR:-x} is fine; $$ is a literal dollar.
    for m in re.finditer(r"(?<!\$)\$\{([A-Z_][A-Z0-9_]*)(:?[-?][^}]*)?\}", text):
        var, mod = m.group(1), m.group(2) or ""
        if not mod.startswith((":-", "-")) and var not in env:
            fail("${%s} is not defined in .env" % var)

    for name, svc in services.items():
        for dep in (svc.get("depends_on") or {}):
            if dep not in services:
                fail("%s depends on unknown service %s" % (name, dep))
        for net in (svc.get("networks") or []):
            if net not in networks:
                fail("%s uses unknown network %s" % (name, net))
        for vol in (svc.get("volumes") or []):
            src = vol.split(":")[0]
            if src.startswith((".", "/")):
                path = os.path.normpath(os.path.join(prepared, src))
                if not os.path.exists(path):
                    fail("%s mounts %s, missing in the prepared directory" % (name, src))
            elif src not in named_volumes:
                fail("%s uses undeclared volume %s" % (name, src))
        env_files = svc.get("env_file") or []
        for ef in [env_files] if isinstance(env_files, str) else env_files:
            if not os.path.exists(os.path.join(prepared, ef)):
                fail("%s: env_file %s missing" % (name, ef))
        for k, v in (svc.get("environment") or {}).items():
            if re.search(r"PASSWORD|SECRET|TOKEN|KEY", k) and not str(v).startswith("${"):
                fail("%s: %s is written inline instead of interpolated" % (name, k))
        if "build" in svc:
            dockerfile = os.path.join(prepared, svc["build"].get("context", "."), svc["build"].get("dockerfile", "Dockerfile"))
            if not os.path.exists(dockerfile):
                fail("%s: Dockerfile %s missing" % (name, dockerfile))
            target = svc["build"].get("target")
            if target and not re.search(r"^FROM .* AS %s$" % re.escape(target), open(dockerfile).read(), re.M):
                fail("%s: build target %s not in the Dockerfile" % (name, target))

    for name in ("collector-1", "collector-2", "migrate"):
        svc = services.get(name, {})
        if not svc.get("read_only"):
            fail("%s is not read_only" % name)
        if "ALL" not in (svc.get("cap_drop") or []):
            fail("%s keeps capabilities" % name)
        if "no-new-privileges:true" not in (svc.get("security_opt") or []):
            fail("%s lacks no-new-privileges" % name)
    for name in ("postgres", "redis"):
        if "healthcheck" not in services.get(name, {}):
            fail("%s has no healthcheck" % name)
    if "HEALTHCHECK" not in open(os.path.join(prepared, "Dockerfile")).read():
        fail("the collector image has no HEALTHCHECK (collectors and nginx depend on it)")
    for name in ("collector-1", "collector-2"):
        cond = (services.get("nginx", {}).get("depends_on") or {}).get(name, {}).get("condition")
        if cond != "service_healthy":
            fail("nginx does not wait for %s to be healthy" % name)

    conf = open(os.path.join(prepared, "nginx", "proctor.conf"), encoding="utf-8").read()
    for name in ("collector-1", "collector-2"):
        if "server %s:8080" % name not in conf:
            fail("nginx upstream lacks %s" % name)
    for secret_file in (".env", "collector.env"):
        mode = stat.S_IMODE(os.stat(os.path.join(prepared, secret_file)).st_mode)
        if mode & 0o077:
            fail("%s is mode %o (want 0600)" % (secret_file, mode))
    collector_env = open(os.path.join(prepared, "collector.env"), encoding="utf-8").read()
    for var in ("PROCTOR_DATABASE_URL", "PROCTOR_REDIS_URL", "PROCTOR_SESSION_SECRET", "PROCTOR_PUBLIC_URL"):
        if not re.search(r"^%s=.+$" % var, collector_env, re.M):
            fail("collector.env lacks %s" % var)
    pw = env.get("POSTGRES_PASSWORD", "")
    if not pw or "postgresql://proctor:%s@postgres:5432/proctor" % pw not in collector_env:
        fail("collector.env's database URL does not use .env's POSTGRES_PASSWORD")
    # The collectors believe X-Forwarded-For from the nginx container only: its fixed backend address.
    nginx_nets = (services.get("nginx") or {}).get("networks") or {}
    nginx_ip = ((nginx_nets.get("backend") or {}) if isinstance(nginx_nets, dict) else {}).get("ipv4_address", "")
    nginx_ip = re.sub(r"^\$\{NGINX_BACKEND_IP:-([^}]*)\}$", lambda m: env.get("NGINX_BACKEND_IP", m.group(1)), nginx_ip)
    trusted = re.findall(r"^PROCTOR_TRUSTED_PROXIES=(.*)$", collector_env, re.M)
    if not nginx_ip:
        fail("nginx has no fixed address on the backend network")
    elif not trusted or trusted[-1].strip() != nginx_ip:
        fail("PROCTOR_TRUSTED_PROXIES is %r, not only nginx's address %s" % (trusted[-1] if trusted else "", nginx_ip))

    if errors:
        for e in errors:
            print("compose: " + e)
        return 1
    print("compose: %d services checked" % len(services))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
