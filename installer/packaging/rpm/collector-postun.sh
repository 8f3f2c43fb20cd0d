# proctor-collector %postun: reload systemd; restart running instances after an upgrade.
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload >/dev/null 2>&1 || :
  if [ "$1" -ge 1 ]; then
    systemctl try-restart 'proctor-collector@*.service' >/dev/null 2>&1 || :
  fi
fi
exit 0
