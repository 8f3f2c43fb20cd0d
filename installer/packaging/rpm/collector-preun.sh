# proctor-collector %preun: stop the instances on erase (not on upgrade).
if [ "$1" -eq 0 ] && [ -d /run/systemd/system ]; then
  systemctl stop proctor-collector.target 'proctor-collector@*.service' >/dev/null 2>&1 || :
fi
exit 0
