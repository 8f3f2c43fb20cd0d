# proctor-collector %post: permissions of the configuration, systemd reload.
chown root:proctor /etc/proctor /etc/proctor/collector.env
chmod 0750 /etc/proctor
chmod 0640 /etc/proctor/collector.env
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload >/dev/null 2>&1 || :
fi
exit 0
