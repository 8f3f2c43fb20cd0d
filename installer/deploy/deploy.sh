#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# deploy.sh: turns a bare Debian 12 server into a running Proctor.
#
#   sudo ./deploy.sh                                     interactive: asks, shows the plan, asks to go on
#   sudo ./deploy.sh --non-interactive --domain exam.example.org --admin-email it@example.org
#   sudo ./deploy.sh --dry-run ...                       checks the system and prints the plan; changes nothing
#   sudo ./deploy.sh --cluster A,B,C --node N ...        one machine of a three-machine high-availability
#                                                        cluster (README "High availability"; installer/ha/)
#
# Steps: check the system; install PostgreSQL, Redis, nginx; verify and install proctor-collector; create
# the database and its role; protect Redis with a password; write the secrets and /etc/proctor/collector.env;
# TLS (self-signed, or Let's Encrypt with --use-letsencrypt); nginx site; migrate; first admin; page API key
# (written to collector.env); start the instances; install the control panel (/opt/proctor/Makefile) and
# the nightly backup. Re-running it is safe: existing secrets, keys, certificates and the admin are kept.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
  cat <<'EOF'
usage: deploy.sh [options]

  --domain NAME             public DNS name of the server                           [PROCTOR_DOMAIN]
  --admin-email EMAIL       e-mail of the first admin                               [PROCTOR_ADMIN_EMAIL]
  --admin-password-file F   read the first admin's password from F; without it the password is asked
                            (interactive) or taken from PROCTOR_ADMIN_PASSWORD, or generated and saved
                            to /root/proctor-admin-password (0600)
  --use-letsencrypt         a Let's Encrypt certificate (certbot, HTTP-01 on port 80) instead of a
                            self-signed one; falls back to self-signed when certbot fails
  --letsencrypt-email EMAIL account e-mail for Let's Encrypt (default: the admin e-mail)
  --instances N             collector instances behind nginx, ports 8081..8080+N (default 2)
  --packages DIR            directory with proctor-collector_*.deb (and SHA256SUMS, *.asc); default: this
                            script's directory when it holds one, else the apt repository
  --keyring FILE            release public key to verify the packages with; without it the key kept by an
                            earlier install (/usr/share/keyrings/proctor-archive-keyring.gpg) is used
  --allow-unsigned          install packages that are not signed (checksums only); refused whenever a
                            keyring is given or installed
  --apt-repo URL            add the signed Proctor apt repository at URL (with --apt-key FILE) and install
  --apt-key FILE            the repository's public key (armored or binary)
  --sample-tests            import the two sample tests
  --http-port P / --https-port P   nginx ports (default 80 / 443)
  --home DIR                where the control panel goes (default /opt/proctor)
  --non-interactive         ask nothing; take everything from options and PROCTOR_* variables
  --dry-run                 check the system and print every step; change nothing
  -h, --help                this text

High availability (three machines; README "Deployment -> High availability"):
  --cluster A,B,C           the three machines' private IPv4 addresses, same order on every machine: each
                            runs an etcd member, Patroni + PostgreSQL 15, Redis + Sentinel, HAProxy, nginx
                            and the collectors, which reach the current primary through the local HAProxy
  --node N                  which of the three this machine is (1, 2 or 3); start with machine 1
  --cluster-secrets FILE    machines 2 and 3: the /etc/proctor/cluster.env that machine 1 wrote
  --cluster-network CIDR    private network of the three for pg_hba (default: their three addresses)
EOF
}

# ------------------------------------------------------------------------------------------------------------
# options
# ------------------------------------------------------------------------------------------------------------
DOMAIN=${PROCTOR_DOMAIN:-}
ADMIN_EMAIL=${PROCTOR_ADMIN_EMAIL:-}
ADMIN_PASSWORD_FILE=""
USE_LE=${PROCTOR_USE_LETSENCRYPT:-no}
LE_EMAIL=${PROCTOR_LETSENCRYPT_EMAIL:-}
INSTANCES=${PROCTOR_INSTANCE_COUNT:-2}
PACKAGES_DIR=""
KEYRING=""
ALLOW_UNSIGNED=no
APT_REPO=""
APT_KEY=""
SAMPLE_TESTS=no
HTTP_PORT=80
HTTPS_PORT=443
HOME_DIR=/opt/proctor
INTERACTIVE=yes
DRY_RUN=no
CLUSTER_NODES=""
CLUSTER_NODE=""
CLUSTER_SECRETS=""
CLUSTER_NETWORK=""
CLUSTER_SELF=""
# deploy.sh --cluster's Debian packages; installer/ha/packages.txt lists the same (tests/ha/render-test.sh
# compares them). Listed here because they are installed before proctor-collector, which ships installer/ha/.
HA_PACKAGES=(postgresql-client-15 patroni python3-etcd python3-psycopg2 etcd-server etcd-client redis-sentinel
  redis-tools haproxy)

parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --domain) DOMAIN=$2; shift 2 ;;
      --admin-email) ADMIN_EMAIL=$2; shift 2 ;;
      --admin-password-file) ADMIN_PASSWORD_FILE=$2; shift 2 ;;
      --use-letsencrypt) USE_LE=yes; shift ;;
      --letsencrypt-email) LE_EMAIL=$2; shift 2 ;;
      --instances) INSTANCES=$2; shift 2 ;;
      --packages) PACKAGES_DIR=$2; shift 2 ;;
      --keyring) KEYRING=$2; shift 2 ;;
      --allow-unsigned) ALLOW_UNSIGNED=yes; shift ;;
      --apt-repo) APT_REPO=$2; shift 2 ;;
      --apt-key) APT_KEY=$2; shift 2 ;;
      --sample-tests) SAMPLE_TESTS=yes; shift ;;
      --http-port) HTTP_PORT=$2; shift 2 ;;
      --https-port) HTTPS_PORT=$2; shift 2 ;;
      --home) HOME_DIR=$2; shift 2 ;;
      --non-interactive) INTERACTIVE=no; shift ;;
      --dry-run) DRY_RUN=yes; shift ;;
      --cluster) CLUSTER_NODES=$2; shift 2 ;;
      --node) CLUSTER_NODE=$2; shift 2 ;;
      --cluster-secrets) CLUSTER_SECRETS=$2; shift 2 ;;
      --cluster-network) CLUSTER_NETWORK=$2; shift 2 ;;
      -h | --help) usage; exit 0 ;;
      *) echo "deploy: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
  done
}

# ------------------------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------------------------
step_no=0
step() { step_no=$((step_no + 1)); printf '\n== %d. %s\n' "$step_no" "$*"; }
info() { printf '   %s\n' "$*"; }
warn() { printf '   WARNING: %s\n' "$*" >&2; }
die() { printf '\ndeploy: ERROR: %s\n' "$*" >&2; exit 1; }

# Runs a command, or prints it in a dry run. Never pass secrets as arguments to run().
run() {
  if [ "$DRY_RUN" = yes ]; then
    printf '   [dry-run] %s\n' "$*"
  else
    "$@"
  fi
}
# A step that handles secrets: a description in a dry run, the function otherwise.
act() { # DESCRIPTION FUNCTION [ARGS...]
  local what=$1
  shift
  if [ "$DRY_RUN" = yes ]; then printf '   [dry-run] %s\n' "$what"; else "$@"; fi
}

ask() { # PROMPT DEFAULT -> answer
  local prompt=$1 def=${2:-} a
  if [ "$INTERACTIVE" = no ]; then echo "$def"; return; fi
  if [ -n "$def" ]; then printf '%s [%s]: ' "$prompt" "$def" >/dev/tty; else printf '%s: ' "$prompt" >/dev/tty; fi
  IFS= read -r a </dev/tty || a=
  echo "${a:-$def}"
}

random_hex() { openssl rand -hex "$1"; }
valid_email() { [[ $1 =~ ^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$ ]]; }
valid_domain() { [[ $1 =~ ^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$ ]]; }
is_ip() { [[ $1 =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ ]]; }

ctl_lib_loaded=no
load_ctl_lib() {
  [ "$ctl_lib_loaded" = yes ] && return 0
  local lib
  for lib in "$here/../control/lib.sh" /usr/share/proctor/control/lib.sh; do
    if [ -r "$lib" ]; then
      # shellcheck source=../control/lib.sh
      . "$lib"
      ctl_lib_loaded=yes
      return 0
    fi
  done
  die "the control panel library is missing: is proctor-collector installed?"
}

# installer/ha/cluster.sh: from the source tree, else from the installed package.
ha_lib_loaded=no
load_ha_lib() {
  [ "$ha_lib_loaded" = yes ] && return 0
  local dir
  for dir in "$here/../ha" /usr/share/proctor/ha; do
    if [ -r "$dir/cluster.sh" ]; then
      HA_DIR=$(cd "$dir" && pwd)
      # shellcheck source=../ha/cluster.sh
      . "$HA_DIR/cluster.sh"
      export HA_NODES=$CLUSTER_NODES HA_NODE_INDEX=$CLUSTER_NODE HA_NETWORK=$CLUSTER_NETWORK
      ha_parse_nodes || die "bad --cluster/--node"
      ha_lib_loaded=yes
      return 0
    fi
  done
  die "installer/ha is missing: is proctor-collector installed?"
}
is_cluster() { [ -n "$CLUSTER_NODES" ]; }

# Self-signed certificate for DOMAIN in DIR (fullchain.pem, privkey.pem 0600): ECDSA P-256, 825 days, the
# domain (and the IP when the "domain" is an address) as subjectAltName. Used by the tests too.
tls_self_signed() { # DIR DOMAIN
  local dir=$1 domain=$2 san
  san="DNS:$domain"
  is_ip "$domain" && san="IP:$domain"
  [ "$domain" = localhost ] && san="DNS:localhost,IP:127.0.0.1"
  mkdir -p "$dir"
  (
    umask 077
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 825 -sha256 \
      -subj "/CN=$domain" -addext "subjectAltName=$san" -addext "basicConstraints=critical,CA:FALSE" \
      -addext "keyUsage=critical,digitalSignature" -addext "extendedKeyUsage=serverAuth" \
      -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" 2>/dev/null
  )
  chmod 600 "$dir/privkey.pem"
  chmod 644 "$dir/fullchain.pem"
}

# ------------------------------------------------------------------------------------------------------------
# steps
# ------------------------------------------------------------------------------------------------------------
collect_settings() {
  if [ "$INTERACTIVE" = yes ]; then
    [ -r /dev/tty ] || die "no terminal for questions: use --non-interactive with options"
    echo "Proctor deployment: a few questions (Enter keeps the default)."
    DOMAIN=$(ask "Public DNS name of this server" "${DOMAIN:-$(hostname -f 2>/dev/null || hostname)}")
    ADMIN_EMAIL=$(ask "E-mail of the first admin" "$ADMIN_EMAIL")
    local le
    le=$(ask "TLS certificate: self-signed or letsencrypt" "$([ "$USE_LE" = yes ] && echo letsencrypt || echo self-signed)")
    [ "$le" = letsencrypt ] && USE_LE=yes || USE_LE=no
    [ "$USE_LE" = yes ] && LE_EMAIL=$(ask "Let's Encrypt account e-mail" "${LE_EMAIL:-$ADMIN_EMAIL}")
    INSTANCES=$(ask "Collector instances" "$INSTANCES")
  fi
  [ -n "$DOMAIN" ] || die "--domain is required"
  valid_domain "$DOMAIN" || die "'$DOMAIN' is not a DNS name"
  if is_cluster; then
    local nodes a
    IFS=, read -r -a nodes <<<"$CLUSTER_NODES"
    [ "${#nodes[@]}" -eq 3 ] || die "--cluster needs the three machines' addresses, A,B,C"
    for a in "${nodes[@]}"; do is_ip "$a" || die "--cluster: '$a' is not an IPv4 address"; done
    [[ $CLUSTER_NODE =~ ^[123]$ ]] || die "--cluster needs --node 1, 2 or 3"
    CLUSTER_SELF=${nodes[$((CLUSTER_NODE - 1))]}
    if [ "$CLUSTER_NODE" != 1 ] && [ -z "$CLUSTER_SECRETS" ] && [ ! -s /etc/proctor/cluster.env ]; then
      die "machine $CLUSTER_NODE needs --cluster-secrets FILE: the /etc/proctor/cluster.env machine 1 wrote"
    fi
    [ -z "$CLUSTER_SECRETS" ] || [ -r "$CLUSTER_SECRETS" ] || die "cannot read $CLUSTER_SECRETS"
  fi
  # In a cluster machine 1 creates the first admin; the others share its database.
  if ! is_cluster || [ "$CLUSTER_NODE" = 1 ]; then
    [ -n "$ADMIN_EMAIL" ] || die "--admin-email is required"
  fi
  [ -z "$ADMIN_EMAIL" ] || valid_email "$ADMIN_EMAIL" || die "'$ADMIN_EMAIL' is not an e-mail address"
  LE_EMAIL=${LE_EMAIL:-$ADMIN_EMAIL}
  [[ $INSTANCES =~ ^[0-9]+$ ]] && [ "$INSTANCES" -ge 1 ] && [ "$INSTANCES" -le 16 ] || die "--instances must be 1..16"
  [[ $HTTP_PORT =~ ^[0-9]+$ && $HTTPS_PORT =~ ^[0-9]+$ ]] || die "ports must be numbers"
  if [ "$USE_LE" = yes ] && is_ip "$DOMAIN"; then die "Let's Encrypt needs a DNS name, not an address"; fi
  if [ "$USE_LE" = yes ] && [ "$HTTP_PORT" != 80 ]; then die "Let's Encrypt's HTTP-01 challenge needs port 80"; fi
  PORTS=""
  local i
  for ((i = 1; i <= INSTANCES; i++)); do PORTS+="$((8080 + i)) "; done
  PORTS=${PORTS% }
  if [ -z "$PACKAGES_DIR" ] && [ -z "$APT_REPO" ] && compgen -G "$here/proctor-collector_*.deb" >/dev/null; then
    PACKAGES_DIR=$here
  fi
}

check_system() {
  step "Checking the system"
  local problems=0
  if [ "$(id -u)" -ne 0 ]; then
    [ "$DRY_RUN" = yes ] && warn "not root (fine for a dry run; a real run needs root)" || die "run as root (sudo)"
  fi
  # shellcheck disable=SC1091
  . /etc/os-release 2>/dev/null || true
  if [ "${ID:-}" = debian ] && [ "${VERSION_ID:-}" = 12 ]; then
    info "OS: Debian 12 ($(uname -m))"
  else
    warn "this script is made for Debian 12; found ${PRETTY_NAME:-unknown}"
    problems=$((problems + 1))
  fi
  local arch
  arch=$(dpkg --print-architecture 2>/dev/null || echo unknown)
  [[ $arch == amd64 || $arch == arm64 ]] || die "architecture $arch is not supported (amd64, arm64)"
  if [ -d /run/systemd/system ]; then
    info "systemd: running"
  else
    [ "$DRY_RUN" = yes ] && warn "systemd is not running (containers): a real run needs it" \
      || die "systemd is not running: Proctor runs as systemd services"
  fi
  local avail_mb
  avail_mb=$(df -Pm /var | awk 'NR == 2 {print $4}')
  if [ "${avail_mb:-0}" -lt 2048 ]; then
    warn "only ${avail_mb} MB free under /var (2 GB or more recommended)"
    problems=$((problems + 1))
  else
    info "disk: ${avail_mb} MB free under /var"
  fi
  local mem_mb
  mem_mb=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)
  [ "$mem_mb" -ge 1000 ] && info "memory: ${mem_mb} MB" || { warn "only ${mem_mb} MB of memory"; problems=$((problems + 1)); }
  local p holder
  for p in "$HTTP_PORT" "$HTTPS_PORT" $PORTS; do
    holder=$(ss -Hltnp "sport = :$p" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)".*/\1/p' | head -n 1)
    if [ -n "$holder" ] && [ "$holder" != nginx ] && [ "$holder" != proctor-collect ]; then
      [ "$DRY_RUN" = yes ] && { warn "port $p is used by $holder: a real run stops here"; problems=$((problems + 1)); } \
        || die "port $p is used by $holder"
    fi
  done
  info "ports $HTTP_PORT, $HTTPS_PORT, $PORTS: free or ours"
  for c in apt-get dpkg openssl ss awk sed; do
    command -v "$c" >/dev/null || die "$c is missing"
  done
  if is_cluster; then
    if ip -o -4 addr show 2>/dev/null | awk '{print $4}' | cut -d/ -f1 | grep -qx "$CLUSTER_SELF"; then
      info "cluster: this is machine $CLUSTER_NODE ($CLUSTER_SELF) of $CLUSTER_NODES"
    elif [ "$DRY_RUN" = yes ]; then
      warn "$CLUSTER_SELF is not an address of this machine: a real run stops here"
      problems=$((problems + 1))
    else
      die "$CLUSTER_SELF (--node $CLUSTER_NODE) is not an address of this machine"
    fi
  fi
  if [ "$USE_LE" = yes ]; then
    if getent ahosts "$DOMAIN" >/dev/null; then
      info "$DOMAIN resolves to $(getent ahosts "$DOMAIN" | awk 'NR == 1 {print $1}')"
    else
      warn "$DOMAIN does not resolve: Let's Encrypt will fail and a self-signed certificate will be used"
    fi
  fi
  if [ -n "$PACKAGES_DIR" ]; then
    compgen -G "$PACKAGES_DIR/proctor-collector_*.deb" >/dev/null || die "no proctor-collector_*.deb in $PACKAGES_DIR"
    info "packages: $PACKAGES_DIR"
  elif [ -n "$APT_REPO" ]; then
    [ -n "$APT_KEY" ] && [ -r "$APT_KEY" ] || die "--apt-repo needs --apt-key FILE"
    info "packages: apt repository $APT_REPO"
  else
    die "no packages: give --packages DIR or --apt-repo URL --apt-key FILE"
  fi
  [ "$problems" -eq 0 ] || warn "$problems warning(s) above"
}

show_plan() {
  cat <<EOF

Plan
  domain            $DOMAIN   (https://$DOMAIN$([ "$HTTPS_PORT" = 443 ] || echo ":$HTTPS_PORT")/)
  TLS               $([ "$USE_LE" = yes ] && echo "Let's Encrypt ($LE_EMAIL)" || echo "self-signed (browsers will warn)")
  collector         $INSTANCES instance(s) on 127.0.0.1: $PORTS
  first admin       $ADMIN_EMAIL
  packages          ${PACKAGES_DIR:-$APT_REPO}
  control panel     $HOME_DIR/Makefile
  backups           /var/backups/proctor, nightly, encrypted with /etc/proctor/backup.passphrase
EOF
  if is_cluster; then
    local origin="from $CLUSTER_SECRETS"
    [ "$CLUSTER_NODE" = 1 ] && origin="made here; copy it to machines 2 and 3"
    [ -z "$CLUSTER_SECRETS" ] && [ "$CLUSTER_NODE" != 1 ] && origin="kept"
    cat <<EOF
  cluster           machine $CLUSTER_NODE of $CLUSTER_NODES: etcd member, Patroni + PostgreSQL 15 (synchronous
                    replication), Redis + Sentinel, HAProxy (collectors use 127.0.0.1:5000 and :6380)
  cluster secrets   /etc/proctor/cluster.env ($origin)
EOF
  fi
  if [ "$INTERACTIVE" = yes ] && [ "$DRY_RUN" = no ]; then
    local go
    go=$(ask "Go ahead? (yes/no)" "no")
    [ "$go" = yes ] || die "stopped; nothing was changed"
  fi
}

install_system_packages() {
  step "Installing PostgreSQL, Redis, nginx and tools"
  # postgresql-15-partman: event partitions and retention (the migrations need it; Debian 12's PostgreSQL is 15).
  local pkgs=(postgresql postgresql-15-partman redis-server nginx openssl curl make gnupg ca-certificates)
  [ "$USE_LE" = yes ] && pkgs+=(certbot)
  is_cluster && pkgs+=("${HA_PACKAGES[@]}")
  export DEBIAN_FRONTEND=noninteractive
  run apt-get update -q
  run apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "${pkgs[@]}"
  if is_cluster; then
    # Patroni runs this machine's PostgreSQL: the package's own cluster 15/main (same port) stays down.
    run systemctl stop postgresql@15-main
    act "set /etc/postgresql/15/main/start.conf to disabled (Patroni's data: /var/lib/postgresql/15/proctor)" \
      _cluster_disable_main
  else
    run systemctl enable --now postgresql redis-server
  fi
}

install_keyring() { # KEY (armored or binary) -> /usr/share/keyrings/proctor-archive-keyring.gpg (binary)
  install -d -m 755 /usr/share/keyrings
  if grep -q 'BEGIN PGP' "$1"; then
    gpg --batch --yes --dearmor -o /usr/share/keyrings/proctor-archive-keyring.gpg <"$1"
  else
    install -m 644 "$1" /usr/share/keyrings/proctor-archive-keyring.gpg
  fi
  chmod 644 /usr/share/keyrings/proctor-archive-keyring.gpg
}

install_proctor_packages() {
  step "Installing proctor-collector"
  if [ -n "$PACKAGES_DIR" ]; then
    local verify=$here/verify.sh
    [ -r "$verify" ] || verify=$here/../signing/verify.sh
    # A signature is required whenever a release key is known; unsigned only when asked for by name.
    local keyring=$KEYRING
    [ -n "$keyring" ] || [ ! -f /usr/share/keyrings/proctor-archive-keyring.gpg ] \
      || keyring=/usr/share/keyrings/proctor-archive-keyring.gpg
    local how=()
    if [ -n "$keyring" ]; then
      how=(--keyring "$keyring")
    elif [ "$ALLOW_UNSIGNED" = yes ]; then
      warn "--allow-unsigned: the packages are checked against SHA256SUMS only, not against a signature"
      how=(--allow-unsigned)
    else
      die "no release key to verify $PACKAGES_DIR with: give --keyring FILE (or --allow-unsigned for an unsigned build)"
    fi
    # Verification only reads, so it runs in --dry-run too. The package installed is the verified copy of
    # the highest listed version, never a file that merely lies in the folder.
    local stage deb
    stage=$(mktemp -d /tmp/proctor-release.XXXXXX)
    deb=$(bash "$verify" "${how[@]}" --stage "$stage/verified" --newest proctor-collector "$PACKAGES_DIR") \
      || die "the packages in $PACKAGES_DIR fail verification"
    info "verified: $(basename "$deb")"
    if [ -n "$KEYRING" ]; then
      # Kept for `make update PACKAGES=dir`, which verifies new releases against it.
      act "keep the release key as /usr/share/keyrings/proctor-archive-keyring.gpg" install_keyring "$KEYRING"
    fi
    run apt-get install -y -q -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confold "$deb"
    rm -rf "$stage"
  else
    act "keep the repository key as /usr/share/keyrings/proctor-archive-keyring.gpg" install_keyring "$APT_KEY"
    if [ "$DRY_RUN" = no ]; then
      cat >/etc/apt/sources.list.d/proctor.sources <<EOF
Types: deb
URIs: $APT_REPO
Suites: stable
Components: main
Signed-By: /usr/share/keyrings/proctor-archive-keyring.gpg
EOF
    else
      info "[dry-run] write /etc/apt/sources.list.d/proctor.sources (Signed-By the given key)"
    fi
    run apt-get update -q
    run apt-get install -y -q -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confold proctor-collector
  fi
}

setup_database() {
  if is_cluster; then
    step "PostgreSQL cluster: role and database 'proctor'"
    act "on the primary: role 'proctor' (password from cluster.env), database 'proctor', pg_partman; collectors -> 127.0.0.1:5000" \
      _cluster_database
    return
  fi
  step "PostgreSQL: roles and database 'proctor'"
  act "create role 'proctor' (owns database and schema: migrate, purge, backups) and role 'proctor_app' (the service: data, append-only audit log), random passwords kept when present; PROCTOR_MIGRATION_DATABASE_URL and PROCTOR_DATABASE_URL" _setup_database
}
_setup_database() {
  load_ctl_lib
  deploy_database_roles proctor proctor_app proctor 127.0.0.1:5432
  ctl_pg_prepare_extensions
  info "database proctor ready with pg_partman; owner 'proctor', service role 'proctor_app' (passwords in /etc/proctor/collector.env)"
}

# Two database roles (README "Two database roles"): OWNER owns database DB and its schema and is
# PROCTOR_MIGRATION_DATABASE_URL (migrate, purge, partition maintenance, backup and restore); APP is what the
# service connects as (PROCTOR_DATABASE_URL), and `migrate` grants it only what it needs, so the service cannot
# rewrite the audit log. Passwords already in collector.env are kept; an installation from before the split
# (PROCTOR_DATABASE_URL naming the owner) keeps its owner password and gains the application role.
deploy_database_roles() { # OWNER APP DB HOST:PORT
  local owner=$1 app=$2 db=$3 hostport=$4 owner_pw="" app_pw="" url
  url=$(ctl_env_get PROCTOR_MIGRATION_DATABASE_URL)
  if [ -n "$url" ]; then
    ctl_parse_db_url "$url"
    [ "$PG_USER" = "$owner" ] && owner_pw=$PG_PASSWORD
  fi
  url=$(ctl_env_get PROCTOR_DATABASE_URL)
  if [ -n "$url" ]; then
    ctl_parse_db_url "$url"
    if [ "$PG_USER" = "$owner" ] && [ -z "$owner_pw" ]; then
      owner_pw=$PG_PASSWORD
    elif [ "$PG_USER" = "$app" ]; then
      app_pw=$PG_PASSWORD
    fi
  fi
  [ -n "$owner_pw" ] || owner_pw=$(random_hex 24)
  [ -n "$app_pw" ] || app_pw=$(random_hex 24)
  deploy_make_roles "$db" "$owner" "$owner_pw" "$app" "$app_pw"
  ctl_env_set PROCTOR_MIGRATION_DATABASE_URL "postgresql://$owner:$owner_pw@$hostport/$db"
  ctl_env_set PROCTOR_DATABASE_URL "postgresql://$app:$app_pw@$hostport/$db"
}

# Creates (or sets the password of) role OWNER and, when given, role APP; creates database DB owned by OWNER
# when missing. Run where ctl_pg_admin reaches the (primary) PostgreSQL as its superuser.
deploy_make_roles() { # DB OWNER OWNER_PASSWORD [APP APP_PASSWORD]
  local db=$1 owner=$2 owner_pw=$3 app=${4:-} app_pw=${5:-}
  local roles=("$owner") role pw exists verb
  [ -z "$app" ] || roles+=("$app")
  for role in "${roles[@]}"; do
    pw=$owner_pw
    [ "$role" = "$app" ] && pw=$app_pw
    exists=$(ctl_pg_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")
    verb=CREATE
    [ "$exists" = 1 ] && verb=ALTER
    # The password reaches psql on its standard input (\set), never in its arguments (/proc/*/cmdline).
    ctl_pg_admin <<SQL
\set pw '$(ctl_psql_quote "$pw")'
$verb ROLE $role LOGIN PASSWORD :'pw';
SQL
  done
  exists=$(ctl_pg_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")
  [ "$exists" = 1 ] || ctl_pg_admin -c "CREATE DATABASE $db OWNER $owner ENCODING 'UTF8' TEMPLATE template0"
  [ -z "$app" ] || ctl_pg_admin -c "GRANT CONNECT ON DATABASE $db TO $app"
}

setup_redis() {
  if is_cluster; then
    step "Redis: through HAProxy"
    act "PROCTOR_REDIS_URL -> the local HAProxy (127.0.0.1:6380: whichever machine Sentinel made master)" _cluster_redis
    return
  fi
  step "Redis: password"
  act "require a random password on the local Redis (CONFIG SET requirepass + CONFIG REWRITE), kept when known" _setup_redis
}
_setup_redis() {
  load_ctl_lib
  local url pw=""
  url=$(ctl_env_get PROCTOR_REDIS_URL)
  [[ $url =~ ^redis://:([^@]+)@ ]] && pw=${BASH_REMATCH[1]}
  if [ -n "$pw" ] && REDISCLI_AUTH=$pw redis-cli -h 127.0.0.1 ping 2>/dev/null | grep -q PONG; then
    info "Redis password unchanged"
  elif redis-cli -h 127.0.0.1 ping 2>/dev/null | grep -q PONG; then
    pw=$(random_hex 24)
    printf '%s' "$pw" | redis-cli -h 127.0.0.1 -x CONFIG SET requirepass >/dev/null
    REDISCLI_AUTH=$pw redis-cli -h 127.0.0.1 CONFIG REWRITE >/dev/null
    info "Redis now requires a password (written to /etc/redis/redis.conf and collector.env)"
  else
    die "Redis already requires a password this script does not know: put it into PROCTOR_REDIS_URL in /etc/proctor/collector.env and re-run"
  fi
  ctl_env_set PROCTOR_REDIS_URL "redis://:$pw@127.0.0.1:6379/0"
}

# ------------------------------------------------------------------------------------------------------------
# --cluster: the steps of a high-availability machine (layout and templates: installer/ha/)
# ------------------------------------------------------------------------------------------------------------
_cluster_disable_main() {
  [ -f /etc/postgresql/15/main/start.conf ] || return 0
  echo disabled >/etc/postgresql/15/main/start.conf
  systemctl disable --quiet postgresql 2>/dev/null || true
}

cluster_secrets() {
  step "Cluster secrets"
  if [ -n "$CLUSTER_SECRETS" ]; then
    run install -D -m 0600 -o root -g root "$CLUSTER_SECRETS" /etc/proctor/cluster.env
  elif [ "$CLUSTER_NODE" = 1 ]; then
    act "make /etc/proctor/cluster.env (database, replication and Redis passwords, session secret; 0600; kept when present)" \
      _cluster_make_secrets
  fi
  info "/etc/proctor/cluster.env: identical on the three machines"
}
_cluster_make_secrets() {
  load_ha_lib
  install -d -m 0750 /etc/proctor
  ha_make_secrets /etc/proctor/cluster.env
}

cluster_configure() {
  step "Cluster configuration: etcd, Patroni, Redis, Sentinel, HAProxy"
  if [ "$DRY_RUN" = yes ]; then
    # The files are rendered for real, into a scratch directory, with made-up secrets: the plan shows them.
    if (load_ha_lib && local scratch && scratch=$(mktemp -d /tmp/proctor-cluster.XXXXXX) &&
      HA_SECRETS_FILE=$scratch/cluster.env && ha_make_secrets "$HA_SECRETS_FILE" &&
      ha_load_secrets "$HA_SECRETS_FILE" && ha_render_node "$scratch" &&
      find "$scratch/etc" -type f | sed "s|^$scratch|   [dry-run] write |" && rm -rf "$scratch"); then :; else
      warn "installer/ha is not available before proctor-collector is installed: files not previewed"
    fi
    return 0
  fi
  _cluster_configure
}
_cluster_configure() {
  load_ha_lib
  ha_load_secrets /etc/proctor/cluster.env || die "bad /etc/proctor/cluster.env"
  local stage
  stage=$(mktemp -d /tmp/proctor-cluster.XXXXXX)
  ha_render_node "$stage"
  install -d -m 0755 /etc/etcd /etc/patroni
  install -m 0640 -o root -g etcd "$stage/etc/etcd/proctor.yml" /etc/etcd/proctor.yml
  install -m 0644 "$stage/etc/default/etcd" /etc/default/etcd
  install -d -m 0700 -o etcd -g etcd /var/lib/etcd
  install -m 0600 -o postgres -g postgres "$stage/etc/patroni/config.yml" /etc/patroni/config.yml
  install -d -m 0755 -o postgres -g postgres /var/lib/postgresql/15
  install -m 0640 -o root -g haproxy "$stage/etc/haproxy/haproxy.cfg" /etc/haproxy/haproxy.cfg
  haproxy -c -q -f /etc/haproxy/haproxy.cfg || die "haproxy rejects /etc/haproxy/haproxy.cfg"
  # Redis and Sentinel rewrite their files as roles move (replicaof, known Sentinels): written once, so a
  # re-run after a failover does not turn the current master back into a replica.
  local f
  for f in redis.conf sentinel.conf; do
    if grep -q 'deploy.sh --cluster\|rendered by installer/ha' "/etc/redis/$f" 2>/dev/null; then
      info "/etc/redis/$f: kept (Sentinel manages it now)"
    else
      [ -f "/etc/redis/$f" ] && cp -p "/etc/redis/$f" "/etc/redis/$f.before-proctor"
      install -m 0640 -o redis -g redis "$stage/etc/redis/$f" "/etc/redis/$f"
    fi
  done
  rm -rf "$stage"
  info "written: /etc/etcd/proctor.yml, /etc/default/etcd, /etc/patroni/config.yml, /etc/redis/{redis,sentinel}.conf, /etc/haproxy/haproxy.cfg"
}

# Waits up to SECONDS for COMMAND, saying every minute what it waits for.
cluster_wait() { # SECONDS WHAT COMMAND...
  local secs=$1 what=$2 waited=0
  shift 2
  until "$@" >/dev/null 2>&1; do
    [ "$waited" -lt "$secs" ] || die "gave up waiting for $what after $secs s"
    [ $((waited % 60)) -eq 0 ] && info "waiting for $what ..."
    sleep 2
    waited=$((waited + 2))
  done
}

cluster_start() {
  step "Cluster services"
  if [ "$DRY_RUN" = yes ]; then
    info "[dry-run] systemctl enable + restart etcd (waits for a second member), patroni, redis-server, redis-sentinel, haproxy"
    return 0
  fi
  load_ha_lib
  systemctl enable --quiet etcd patroni redis-server redis-sentinel haproxy
  # etcd is ready only with a quorum (two of three): do not block systemctl on it.
  systemctl restart --no-block etcd
  [ "$CLUSTER_NODE" = 1 ] && info "start deploy.sh --node 2 on ${HA_NODE[2]} now (with cluster.env): etcd needs two members"
  cluster_wait 3600 "etcd quorum (deploy.sh on another machine)" \
    etcdctl --endpoints="http://127.0.0.1:$HA_ETCD_CLIENT_PORT" endpoint health
  info "etcd: healthy"
  systemctl restart patroni
  # Running = leader, or a replica after its base backup (which takes as long as the database is large).
  cluster_wait 7200 "PostgreSQL under Patroni" curl -fsS "http://$HA_SELF:$HA_REST_PORT/health"
  info "Patroni: $(curl -fsS "http://$HA_SELF:$HA_REST_PORT/patroni" | sed -n 's/.*"role": *"\([a-z_]*\)".*/\1/p')"
  systemctl restart redis-server redis-sentinel haproxy
  cluster_wait 300 "HAProxy to reach the primary" pg_isready -q -h 127.0.0.1 -p "$HA_FRONT_PG_PORT"
  info "HAProxy: 127.0.0.1:$HA_FRONT_PG_PORT -> primary, 127.0.0.1:$HA_FRONT_REDIS_PORT -> Redis master"
}

_cluster_database() {
  load_ctl_lib
  load_ha_lib
  ha_load_secrets /etc/proctor/cluster.env || die "bad /etc/proctor/cluster.env"
  # Two roles (owner 'proctor', service 'proctor_app') when cluster.env has the service role's password;
  # a cluster.env from before that keeps one role.
  [ -z "${HA_PROCTOR_APP_DB_PASSWORD:-}" ] || ctl_env_set PROCTOR_MIGRATION_DATABASE_URL "$(ha_owner_database_url)"
  ctl_env_set PROCTOR_DATABASE_URL "$(ha_database_url)"
  if curl -fsS -o /dev/null "http://$HA_SELF:$HA_REST_PORT/primary"; then
    # The primary's socket; a replica is read-only and gets all of this by replication.
    if [ -n "${HA_PROCTOR_APP_DB_PASSWORD:-}" ]; then
      deploy_make_roles proctor proctor "$HA_PROCTOR_DB_PASSWORD" proctor_app "$HA_PROCTOR_APP_DB_PASSWORD"
    else
      deploy_make_roles proctor proctor "$HA_PROCTOR_DB_PASSWORD"
    fi
    ctl_pg_prepare_extensions
    info "database proctor ready on the primary (this machine)"
  else
    cluster_wait 3600 "database proctor (made by machine 1)" _cluster_database_reachable
    info "database proctor reachable through HAProxy"
  fi
}

# The password goes to psql through its environment, not its arguments.
_cluster_database_reachable() {
  PGPASSWORD=$HA_PROCTOR_DB_PASSWORD psql "postgresql://proctor@127.0.0.1:$HA_FRONT_PG_PORT/proctor" -XAtqc 'SELECT 1'
}

_cluster_redis() {
  load_ctl_lib
  load_ha_lib
  ha_load_secrets /etc/proctor/cluster.env || die "bad /etc/proctor/cluster.env"
  ctl_env_set PROCTOR_REDIS_URL "$(ha_redis_url)"
}

_cluster_shared_secrets() {
  load_ctl_lib
  load_ha_lib
  ha_load_secrets /etc/proctor/cluster.env || die "bad /etc/proctor/cluster.env"
  ctl_env_set PROCTOR_SESSION_SECRET "$PROCTOR_SESSION_SECRET"
  ctl_env_set PROCTOR_METRICS_TOKEN "$PROCTOR_METRICS_TOKEN"
}

write_config() {
  step "Secrets and configuration"
  # A cluster's instances share the session secret and metrics token (cluster.env); the steps below keep them.
  if is_cluster; then act "session secret and metrics token from /etc/proctor/cluster.env" _cluster_shared_secrets; fi
  act "write /etc/proctor/collector.env: session secret, metrics token (kept when present), public URL; /etc/proctor/deploy.env; backup passphrase" _write_config
}
_write_config() {
  load_ctl_lib
  local public="https://$DOMAIN"
  [ "$HTTPS_PORT" = 443 ] || public+=":$HTTPS_PORT"
  [ -n "$(ctl_env_get PROCTOR_SESSION_SECRET)" ] || ctl_env_set PROCTOR_SESSION_SECRET "$(random_hex 32)"
  [ -n "$(ctl_env_get PROCTOR_METRICS_TOKEN)" ] || ctl_env_set PROCTOR_METRICS_TOKEN "$(random_hex 24)"
  ctl_env_set PROCTOR_PUBLIC_URL "$public"
  ctl_env_set PROCTOR_WEB_ROOT /usr/share/proctor/web
  # nginx is the only proxy; an operator's own value (another proxy in front) is kept.
  [ -n "$(ctl_env_get PROCTOR_TRUSTED_PROXIES)" ] || ctl_env_set PROCTOR_TRUSTED_PROXIES 127.0.0.1,::1
  ctl_env_set PROCTOR_LOG_FORMAT json
  chown root:proctor /etc/proctor /etc/proctor/collector.env
  chmod 0750 /etc/proctor
  chmod 0640 /etc/proctor/collector.env

  local dep=/etc/proctor/deploy.env
  [ -f "$dep" ] || install -m 0644 /dev/null "$dep"
  local ipv6=no
  [ -f /proc/net/if_inet6 ] && ipv6=yes
  ctl_env_set PROCTOR_DOMAIN "$DOMAIN" "$dep"
  ctl_env_set PROCTOR_INSTANCES "$PORTS" "$dep"
  ctl_env_set PROCTOR_HTTP_LISTEN "$HTTP_PORT" "$dep"
  ctl_env_set PROCTOR_HTTPS_LISTEN "$HTTPS_PORT" "$dep"
  ctl_env_set PROCTOR_IPV6 "$ipv6" "$dep"
  ctl_env_set PROCTOR_ACME_ROOT /var/www/proctor-acme "$dep"
  ctl_env_set PROCTOR_NGINX_SITE /etc/nginx/sites-available/proctor.conf "$dep"
  ctl_env_set PROCTOR_BACKUP_DIR /var/backups/proctor "$dep"
  [ -n "$(ctl_env_get PROCTOR_BACKUP_KEEP_DAYS "$dep")" ] || ctl_env_set PROCTOR_BACKUP_KEEP_DAYS 30 "$dep"
  if [ ! -s /etc/proctor/backup.passphrase ]; then
    (umask 077; random_hex 32 >/etc/proctor/backup.passphrase)
    NEW_BACKUP_PASSPHRASE=yes
  fi
  chmod 600 /etc/proctor/backup.passphrase
  info "collector.env (0640 root:proctor), deploy.env, backup.passphrase (0600) written"
}

setup_tls() {
  step "TLS certificate"
  act "self-signed certificate for $DOMAIN in /etc/proctor/tls (kept while valid for 30 more days)" _setup_tls_self_signed
  setup_nginx_site
  if [ "$USE_LE" = yes ]; then
    act "certbot certonly --webroot for $DOMAIN ($LE_EMAIL); renewals reload nginx" _setup_tls_letsencrypt
  fi
}
_setup_tls_self_signed() {
  load_ctl_lib
  local dir=/etc/proctor/tls
  if [ -f "$dir/fullchain.pem" ] && openssl x509 -checkend $((30 * 86400)) -noout -in "$dir/fullchain.pem" >/dev/null 2>&1 \
    && openssl x509 -noout -ext subjectAltName -in "$dir/fullchain.pem" 2>/dev/null | grep -q "$DOMAIN"; then
    info "self-signed certificate kept ($(openssl x509 -noout -enddate -in "$dir/fullchain.pem"))"
  else
    tls_self_signed "$dir" "$DOMAIN"
    info "self-signed certificate for $DOMAIN written (browsers will warn until a trusted one is used)"
  fi
  local dep=/etc/proctor/deploy.env
  if [ "$(ctl_env_get PROCTOR_TLS "$dep")" != letsencrypt ] || [ "$USE_LE" != yes ]; then
    ctl_env_set PROCTOR_TLS self-signed "$dep"
    ctl_env_set PROCTOR_TLS_CERT "$dir/fullchain.pem" "$dep"
    ctl_env_set PROCTOR_TLS_KEY "$dir/privkey.pem" "$dep"
  fi
}
_setup_tls_letsencrypt() {
  load_ctl_lib
  mkdir -p /var/www/proctor-acme
  if certbot certonly --webroot -w /var/www/proctor-acme -d "$DOMAIN" -m "$LE_EMAIL" --agree-tos -n \
    --keep-until-expiring --deploy-hook "systemctl reload nginx"; then
    local dep=/etc/proctor/deploy.env
    ctl_env_set PROCTOR_TLS letsencrypt "$dep"
    ctl_env_set PROCTOR_TLS_CERT "/etc/letsencrypt/live/$DOMAIN/fullchain.pem" "$dep"
    ctl_env_set PROCTOR_TLS_KEY "/etc/letsencrypt/live/$DOMAIN/privkey.pem" "$dep"
    info "Let's Encrypt certificate installed; certbot.timer renews it"
    setup_nginx_site
  else
    warn "certbot failed: the self-signed certificate stays; fix DNS/port 80 and re-run with --use-letsencrypt"
  fi
}

setup_nginx_site() {
  act "render /etc/nginx/sites-available/proctor.conf (enable it, disable the stock default site), nginx -t, reload" _setup_nginx_site
}
_setup_nginx_site() {
  load_ctl_lib
  mkdir -p /var/www/proctor-acme
  local render=/usr/share/proctor/nginx/render-nginx.sh
  [ -r "$render" ] || render=$here/../nginx/render-nginx.sh
  (
    # deploy.env is parsed, not sourced: PROCTOR_INSTANCES holds spaces.
    unset PROCTOR_DOMAIN PROCTOR_INSTANCES PROCTOR_TLS_CERT PROCTOR_TLS_KEY PROCTOR_HTTP_LISTEN PROCTOR_HTTPS_LISTEN \
      PROCTOR_IPV6 PROCTOR_ACME_ROOT
    ctl_load_defaults /etc/proctor/deploy.env
    export PROCTOR_DOMAIN PROCTOR_INSTANCES PROCTOR_TLS_CERT PROCTOR_TLS_KEY PROCTOR_HTTP_LISTEN PROCTOR_HTTPS_LISTEN \
      PROCTOR_IPV6 PROCTOR_ACME_ROOT
    PROCTOR_ENV_FILE=/etc/proctor/collector.env bash "$render" --out /etc/nginx/sites-available/proctor.conf.new
  )
  mv -f /etc/nginx/sites-available/proctor.conf.new /etc/nginx/sites-available/proctor.conf
  ln -sfn ../sites-available/proctor.conf /etc/nginx/sites-enabled/proctor.conf
  if [ -L /etc/nginx/sites-enabled/default ] && [ "$(readlink /etc/nginx/sites-enabled/default)" = /etc/nginx/sites-available/default ]; then
    rm -f /etc/nginx/sites-enabled/default
    info "disabled nginx's stock default site (sites-available/default is untouched)"
  fi
  nginx -t 2>&1 | sed 's/^/   /'
  systemctl enable --quiet nginx
  systemctl reload-or-restart nginx
}

migrate_and_seed() {
  step "Database migrations"
  act "proctor-collector migrate (as user proctor, with collector.env: the owner role migrates and grants proctor_app)" _migrate
}
_migrate() {
  load_ctl_lib
  ctl_collector migrate
  if [ "$SAMPLE_TESTS" = yes ]; then
    local f
    for f in /usr/share/proctor/tests/*.json; do ctl_collector import-test "$f"; done
  fi
}

create_first_admin() {
  if is_cluster && [ "$CLUSTER_NODE" != 1 ]; then
    return 0 # machine 1 made it; the database is shared
  fi
  step "First admin"
  act "proctor-collector create-admin --email $ADMIN_EMAIL --role admin (password on stdin)" _create_admin
}
_create_admin() {
  load_ctl_lib
  local dep=/etc/proctor/deploy.env
  if [ "$(ctl_env_get PROCTOR_ADMIN_CREATED "$dep")" = "$ADMIN_EMAIL" ]; then
    info "admin $ADMIN_EMAIL exists already"
    return 0
  fi
  if ! ctl_has_command create-admin; then
    warn "this proctor-collector has no create-admin yet: run 'make -C $HOME_DIR create-admin EMAIL=$ADMIN_EMAIL' after updating"
    return 0
  fi
  local pw="" pw2 saved=""
  if [ -n "$ADMIN_PASSWORD_FILE" ]; then
    pw=$(head -n 1 "$ADMIN_PASSWORD_FILE")
  elif [ -n "${PROCTOR_ADMIN_PASSWORD:-}" ]; then
    pw=$PROCTOR_ADMIN_PASSWORD
  elif [ "$INTERACTIVE" = yes ]; then
    while :; do
      read -r -s -p "   Password for $ADMIN_EMAIL (at least 12 characters): " pw </dev/tty; echo
      read -r -s -p "   Repeat it: " pw2 </dev/tty; echo
      [ "$pw" = "$pw2" ] && [ ${#pw} -ge 12 ] && break
      echo "   the passwords differ or are too short; again"
    done
  else
    pw=$(openssl rand -base64 18 | tr -d '/+=' | cut -c1-20)
    (umask 077; printf '%s\n' "$pw" >/root/proctor-admin-password)
    saved=/root/proctor-admin-password
  fi
  [ ${#pw} -ge 12 ] || die "the admin password must have at least 12 characters"
  printf '%s\n' "$pw" | ctl_collector create-admin --email "$ADMIN_EMAIL" --role admin
  ctl_env_set PROCTOR_ADMIN_CREATED "$ADMIN_EMAIL" "$dep"
  if [ -n "$saved" ]; then
    info "generated password saved to $saved (0600): sign in, change it, delete the file"
  fi
}

create_page_key() {
  step "Page API key"
  act "proctor-collector create-apikey --name page --scopes tests:read,sessions:write -> PROCTOR_PAGE_API_KEY in collector.env (kept when present)" _create_page_key
}
_create_page_key() {
  load_ctl_lib
  if [ -n "$(ctl_env_get PROCTOR_PAGE_API_KEY)" ]; then
    info "page key present in collector.env"
    return 0
  fi
  local key
  key=$(ctl_collector create-apikey --name page --scopes "$PROCTOR_PAGE_KEY_SCOPES")
  [ -n "$key" ] || die "create-apikey printed no key"
  ctl_env_set PROCTOR_PAGE_API_KEY "$key"
  info "page key created and written to collector.env"
}

start_services() {
  step "Starting the collector"
  local units=() p
  for p in $PORTS; do units+=("proctor-collector@$p.service"); done
  run systemctl daemon-reload
  run systemctl enable --quiet proctor-collector.target "${units[@]}"
  # Instances removed by a smaller --instances are stopped.
  if [ "$DRY_RUN" = no ]; then
    local u
    for u in $(systemctl list-units --plain --no-legend 'proctor-collector@*.service' | awk '{print $1}'); do
      [[ " ${units[*]} " == *" $u "* ]] || { systemctl disable --now --quiet "$u"; info "stopped $u"; }
    done
  fi
  run systemctl restart proctor-collector.target "${units[@]}"
  if [ "$DRY_RUN" = no ]; then
    load_ctl_lib
    for p in $PORTS; do
      ctl_wait_ready "$p" 90 || die "instance $p did not become ready: journalctl -u proctor-collector@$p"
      info "instance 127.0.0.1:$p ready"
    done
    local code
    code=$(curl -sk -o /dev/null -w '%{http_code}' --resolve "$DOMAIN:$HTTPS_PORT:127.0.0.1" "https://$DOMAIN:$HTTPS_PORT/readyz" || true)
    [ "$code" = 200 ] && info "https://$DOMAIN:$HTTPS_PORT/readyz through nginx: 200" \
      || warn "https://$DOMAIN:$HTTPS_PORT/readyz through nginx answered $code"
  fi
}

install_control_panel() {
  step "Control panel and nightly backup"
  run install -d -m 0750 "$HOME_DIR"
  if [ "$DRY_RUN" = no ]; then
    cat >"$HOME_DIR/Makefile" <<'EOF'
# Proctor control panel (written by deploy.sh). The targets live in the package, so updates update them.
include /usr/share/proctor/control/Makefile
EOF
    if is_cluster; then
      cat >>"$HOME_DIR/Makefile" <<'EOF'
# Cluster machine (deploy.sh --cluster): cluster-status, switchover, failover, redis-failover.
-include /usr/share/proctor/ha/cluster.mk
EOF
    fi
  else
    info "[dry-run] write $HOME_DIR/Makefile (include /usr/share/proctor/control/Makefile)"
  fi
  # A cluster's machines share one database: machine 1 alone runs the nightly backup.
  if is_cluster && [ "$CLUSTER_NODE" != 1 ]; then
    info "nightly backup: runs on machine 1 (systemctl enable --now proctor-backup.timer here if machine 1 is retired)"
  else
    run systemctl enable --now --quiet proctor-backup.timer
  fi
  info "make -C $HOME_DIR help"
}

summary() {
  local public="https://$DOMAIN"
  [ "$HTTPS_PORT" = 443 ] || public+=":$HTTPS_PORT"
  cat <<EOF

Proctor is $([ "$DRY_RUN" = yes ] && echo "NOT deployed (dry run)" || echo "running").
  candidate page     $public/
  readiness          $public/readyz
  admin desktop app  server URL $public, admin $ADMIN_EMAIL
  control panel      cd $HOME_DIR && make help   (status, logs, backup, restore, update, ...)
  configuration      /etc/proctor/collector.env (secrets; 0640 root:proctor), /etc/proctor/deploy.env
  backups            /var/backups/proctor, nightly (proctor-backup.timer)
EOF
  if is_cluster; then
    echo "  cluster            patronictl -c /etc/patroni/config.yml list; README \"High availability\""
    if [ "$CLUSTER_NODE" = 1 ]; then
      cat <<'EOF'

  Machines 2 and 3: copy /etc/proctor/cluster.env to each (scp; keep it 0600) and run there
    deploy.sh --cluster A,B,C --node 2 (or 3) --cluster-secrets cluster.env --domain ... (same options)
EOF
    fi
  fi
  if [ "${NEW_BACKUP_PASSPHRASE:-no}" = yes ]; then
    cat <<'EOF'

  IMPORTANT: backups are encrypted with the passphrase in /etc/proctor/backup.passphrase. Copy it now
  to your password manager: without it no backup can be restored on another server.
EOF
  fi
}

main() {
  parse_args "$@"
  collect_settings
  check_system
  show_plan
  install_system_packages
  install_proctor_packages
  if is_cluster; then
    cluster_secrets
    cluster_configure
    cluster_start
  fi
  setup_database
  setup_redis
  write_config
  setup_tls
  migrate_and_seed
  create_first_admin
  create_page_key
  start_services
  install_control_panel
  summary
}

# Sourcing the script (tests) defines the functions without running anything.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
