# SPDX-License-Identifier: MIT
# Control-panel targets of a cluster machine: deploy.sh --cluster adds `-include` of this file to
# /opt/proctor/Makefile, next to the common targets of /usr/share/proctor/control/Makefile.
HA_CTL := bash $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))/clusterctl.sh

.PHONY: cluster-status switchover failover redis-failover

cluster-status:
	@$(HA_CTL) status

# make switchover [CANDIDATE=node2]: planned move of the PostgreSQL primary (before maintenance of its machine)
switchover:
	@$(HA_CTL) switchover $(CANDIDATE)

# make failover CANDIDATE=node2: promote a replica when no healthy primary is left
failover:
	@$(HA_CTL) failover $(CANDIDATE)

redis-failover:
	@$(HA_CTL) redis-failover
