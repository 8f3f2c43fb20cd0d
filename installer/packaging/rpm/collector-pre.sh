# proctor-collector %pre: the system user the service runs as.
getent group proctor >/dev/null || groupadd -r proctor
getent passwd proctor >/dev/null || \
  useradd -r -g proctor -d / -s /sbin/nologin -c "Proctor collector" proctor
exit 0
