"""The faust app: its configuration (all from ``streams.settings``), topics and tables.

``python -m streams worker`` runs ``app.main()``. Building the app connects to nothing;
agents live in ``streams.agents`` and HTTP views in ``streams.web``, both registered here.

Topics (names from settings; keys are raw UTF-8, values JSON via ``schemas.json_codec``):

| topic                     | key                      | value           |
| ------------------------- | ------------------------ | --------------- |
| articles                  | article id               | ``Article``     |
| events                    | region key               | ``EventRecord`` |
| ``<tallies>.contributions`` (internal) | tally scope | incident contribution (upsert) |
| incidents                 | incident id              | ``Incident``    |
| tallies                   | ``scope|window|start``   | ``RegionTally`` |
| articles.dead-letter      | original key             | ``DeadLetter``  |
| events.late               | region key               | ``DeadLetter`` (reason ``too_late``) |
"""

from __future__ import annotations

import gc
import logging
import sys
from dataclasses import dataclass
from typing import Any, NoReturn

import faust
from faust.tables import TableManager
from faust.tables.recovery import Recovery

from streams import store
from streams.settings import Settings, canonical_url, get_settings

__all__ = ["CONSUMER_METADATA_MAX_AGE_S", "ROCKSDB_OPTIONS", "CrisisStreamApp", "SeekBeforeResumeRecovery", "Topology", "agents_by_name", "app", "extractors", "build_topology", "create_app", "topology"]


log = logging.getLogger(__name__)

#: How often the consumer refreshes cluster metadata (faust's default: 5 minutes). The group
#: leader assigns partitions from the metadata it has at that moment; a subscribed topic it
#: does not see yet (created a moment ago: a KRaft broker serves a new topic's metadata a
#: little after CreateTopics returns) is left out of the assignment ("Ignoring missing
#: topic"), and only the next refresh notices it and rebalances. With faust's default the
#: worker sat "ready" for up to 5 minutes without consuming that topic (docs/STREAMING.md,
#: "Restart after kill -9"); with this it rebalances within seconds. One metadata request
#: per interval per worker.
CONSUMER_METADATA_MAX_AGE_S = 5.0


class SeekBeforeResumeRecovery(Recovery):
    """faust's table recovery, with no message delivered before the stream partitions are
    back at their committed offsets.

    faust 0.15.3's ``on_recovery_completed`` resumes the stream partitions, *then* seeks
    them to the committed offsets (``perform_seek``: one OffsetFetch per partition, 100+ ms
    under load). When changelogs had to be read (after a kill -9 mid-batch they usually do) the fetcher
    is already running with the flow on, so it delivers messages during the seek; the seek
    then resets faust's read offsets to the committed ones, the next message looks like a
    jump, and faust records the offsets it already delivered as a "gap" as well. Each of
    them is then in its acked list twice, and ``Consumer._new_offset`` commits one offset
    per commit interval (1 s) until the duplicates are used up: the restarted worker's lag
    crawls, one offset per second per partition (docs/STREAMING.md, "Restart after kill
    -9"). Stopping the flow first makes the fetcher wait; faust's method resumes it after
    its seek (and a new rebalance resumes it if this one is abandoned)."""

    async def on_recovery_completed(self, generation_id: int = 0) -> None:
        self.app.consumer.stop_flow()
        await super().on_recovery_completed(generation_id)


class CrisisTableManager(TableManager):
    """faust's table manager with ``SeekBeforeResumeRecovery`` (faust's ``TableManager``
    setting is the documented way to replace it)."""

    @property
    def recovery(self) -> Recovery:
        if self._recovery is None:
            self._recovery = SeekBeforeResumeRecovery(self.app, self, beacon=self.beacon, loop=self.loop)
        return self._recovery


class CrisisStreamApp(faust.App):
    """faust.App whose ``worker`` command defaults to the settings' log level and web port,
    and which says so when an assignment left out a subscribed topic (see
    ``CONSUMER_METADATA_MAX_AGE_S``)."""

    settings: Settings
    extractors: Any = None

    def topics_missing_from_assignment(self) -> list[str]:
        """Subscribed topics the group leader's metadata had no partitions for when it
        assigned (empty on a follower, which cannot tell)."""
        missing = []
        for name in sorted({name for topic in self.topics for name in getattr(topic, "topics", None) or ()}):
            if self.consumer.topic_partitions(name) == 0:
                missing.append(name)
        return missing

    async def _warn_on_partial_assignment(self, *_: Any, **__: Any) -> None:
        try:
            missing = self.topics_missing_from_assignment()
        except Exception:  # only a diagnostic: never let it disturb a rebalance
            log.debug("could not check the assignment for missing topics", exc_info=True)
            return
        if missing:
            log.warning(
                "assigned without %s (not in the cluster metadata yet): no partition of it is "
                "consumed until the next metadata refresh (<= %.0fs) rebalances the group",
                ", ".join(missing), CONSUMER_METADATA_MAX_AGE_S,
            )

    def main(self) -> NoReturn:
        argv = sys.argv
        if len(argv) > 1 and argv[1] == "worker":
            if self.extractors is not None:
                self.extractors.preload()
            # The gazetteer is a large heap of long-lived objects: out of the collector's sight,
            # each full collection no longer walks it (they ran every few seconds under load).
            gc.collect()
            gc.freeze()
            rest = argv[2:]
            if not any(a in ("-l", "--loglevel") or a.startswith("--loglevel=") for a in rest):
                rest = ["-l", self.settings.log_level, *rest]
            if not any(a in ("-p", "--web-port") or a.startswith("--web-port=") for a in rest):
                rest = ["--web-port", str(self.settings.web_port), *rest]
            sys.argv = [argv[0], "worker", *rest]
        super().main()


@dataclass(frozen=True, slots=True)
class Topology:
    """Every topic and table of the app, handed to the agents and the web views."""

    settings: Settings
    articles_topic: Any
    events_topic: Any
    contributions_topic: Any
    incidents_topic: Any
    tallies_topic: Any
    dead_letter_topic: Any
    late_topic: Any
    #: event side (partitioned like ``events``, by region key)
    incidents_by_id: Any
    incident_index_by_region: Any
    incident_id_by_report: Any
    watermark_by_partition: Any
    recent_events: Any
    #: tally side (partitioned like the contributions topic, by scope)
    contributions_by_key: Any
    tallies_by_key: Any
    scopes_by_scope: Any


def create_app(settings: Settings) -> CrisisStreamApp:
    """The faust app configured from ``settings`` (no connection is made here)."""
    store.install(settings.rocksdb_memory_mb)
    fapp = CrisisStreamApp(
        settings.app_id,
        broker=[f"kafka://{hp.strip()}" for hp in settings.kafka_bootstrap_servers.split(",") if hp.strip()],
        store=settings.store,
        datadir=str(settings.data_dir),
        web_host=settings.web_host,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        canonical_url=canonical_url(settings),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        # Commit every second: a restarted worker then reprocesses little (it is idempotent
        # anyway); by count only every 1,000 messages, as each commit is a broker round trip.
        broker_commit_every=1000,
        broker_commit_interval=1.0,
        # A few ms of linger turn the per-message produce requests into batches (each agent
        # sends a burst of outputs and changelog writes at the end of each batch).
        producer_linger=0.005,
        producer_max_batch_size=256 * 1024,
        consumer_auto_offset_reset="earliest",
        consumer_metadata_max_age_ms=int(CONSUMER_METADATA_MAX_AGE_S * 1000),
        TableManager=CrisisTableManager,
        key_serializer="raw",
        value_serializer="raw",
        # No standby copies: fan-out queries read active partitions only, and a restore from
        # the changelog is quick at our volumes (docs/STREAMING.md).
        table_standby_replicas=0,
        web_enabled=True,
        autodiscover=False,
    )
    fapp.settings = settings
    fapp.on_partitions_assigned.connect(fapp._warn_on_partial_assignment)
    return fapp


def _topic(fapp: faust.App, name: str, *, compacting: bool = False) -> Any:
    return fapp.topic(
        name,
        key_serializer="raw",
        value_serializer="raw",
        partitions=fapp.settings.partitions,  # type: ignore[attr-defined]
        compacting=compacting or None,
        internal=True,  # faust declares it (with our partition count) if it does not exist
    )


#: RocksDB options per table partition (faust opens one database per table and partition:
#: 8 tables x 4 partitions = 32). faust's defaults (64 MiB memtables x 3, a 2 GiB block
#: cache each) are sized for one big table and take the worker past its 400 MB budget under
#: load; our values are small JSON documents, read mostly through the batch's own cache.
#: The block cache is not per database: every database shares one, and their memtables
#: count against it (``settings.rocksdb_memory_mb``, streams/store.py).
ROCKSDB_OPTIONS = {
    "write_buffer_size": 1 * 2**20,
    "max_write_buffer_number": 2,
}


def _table(fapp: faust.App, name: str, help_text: str) -> Any:
    return fapp.Table(
        name,
        default=None,
        partitions=fapp.settings.partitions,  # type: ignore[attr-defined]
        schema=faust.Schema(key_serializer="json", value_serializer="json"),
        help=help_text,
        # a fresh dict per table: faust's RocksDB store pops keys from the mapping it is given
        options=dict(ROCKSDB_OPTIONS) if fapp.conf.store.scheme == "rocksdb" else None,
    )


def build_topology(fapp: CrisisStreamApp) -> Topology:
    s = fapp.settings
    return Topology(
        settings=s,
        articles_topic=_topic(fapp, s.articles_topic),
        events_topic=_topic(fapp, s.events_topic),
        # Not compacted: it is keyed by scope, and many incidents share a scope; compaction
        # would keep only the last of them if the tally agent lagged past a closed segment.
        contributions_topic=_topic(fapp, f"{s.tallies_topic}.contributions"),
        incidents_topic=_topic(fapp, s.incidents_topic, compacting=True),
        tallies_topic=_topic(fapp, s.tallies_topic, compacting=True),
        dead_letter_topic=_topic(fapp, s.dead_letter_topic),
        late_topic=_topic(fapp, s.late_topic),
        incidents_by_id=_table(fapp, "incidents_by_id", "incident id -> merged incident and its reports"),
        incident_index_by_region=_table(
            fapp, "incident_index_by_region", "region -> open incidents [[id, occurred_on], ...]"
        ),
        incident_id_by_report=_table(fapp, "incident_id_by_report", "event id -> incident id (idempotence)"),
        watermark_by_partition=_table(
            fapp, "watermark_by_partition", "events partition -> newest event date seen (stream time)"
        ),
        recent_events=_table(
            fapp, "recent_events", "events partition:slot -> one of its latest event records; partition:head -> count"
        ),
        contributions_by_key=_table(
            fapp, "contributions_by_key", "scope|incident id -> that incident's contribution to the scope"
        ),
        tallies_by_key=_table(fapp, "tallies_by_key", "scope|window|start -> window tally state"),
        scopes_by_scope=_table(fapp, "scopes_by_scope", "scope -> region names and its window starts"),
    )


app = create_app(get_settings())
topology = build_topology(app)

from streams import agents, web  # noqa: E402  (they register on the app built above)

extractors = agents.ExtractorHolder(topology)
app.extractors = extractors
agents_by_name = agents.register(app, topology, extractors)
web.register(app, topology, extractors)
