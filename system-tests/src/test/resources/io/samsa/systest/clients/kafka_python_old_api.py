"""kafka-python (Debian python3-kafka 2.0.2) pinned to an old broker release, driven by
KafkaPythonOldProtocolSystemTest.

Usage: kafka_python_old_api.py BOOTSTRAP TOPIC PARTITIONS COUNT API_VERSION COMPRESSION GROUP

API_VERSION is "0.9" or "0.10.1": kafka-python then speaks only what that release had (message
format v0 with Produce v1 and Fetch v1, or format v1 with Produce v2 and Fetch v3; JoinGroup v0/v1,
ListOffsets v0/v1, OffsetCommit v2, OffsetFetch v1, ...). Produces COUNT keyed records, reads them
back with a group-less consumer (assign + seek to 0), then with a consumer in GROUP that commits,
and finally reads the group's committed offsets with a new consumer. Prints one JSON object per
line: "sent" per acknowledged record, "consumed" per record read by assign, "group" per record read
in the group, "committed" per partition. The Java test asserts the content.
"""
import json
import sys
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition


def poll_until(consumer, count, event):
    seen = 0
    deadline = time.monotonic() + 60
    while seen < count:
        if time.monotonic() > deadline:
            sys.exit("%s: read %d of %d records in time" % (event, seen, count))
        for tp, records in consumer.poll(timeout_ms=500).items():
            for r in records:
                seen += 1
                print(json.dumps({"event": event, "partition": r.partition, "offset": r.offset,
                                  "key": r.key.decode(), "value": r.value.decode(),
                                  "timestamp": r.timestamp}), flush=True)


def main():
    bootstrap, topic = sys.argv[1], sys.argv[2]
    partitions, count = int(sys.argv[3]), int(sys.argv[4])
    api = tuple(int(p) for p in sys.argv[5].split("."))
    compression = None if sys.argv[6] == "none" else sys.argv[6]
    group = sys.argv[7]

    producer = KafkaProducer(bootstrap_servers=bootstrap, api_version=api, acks=1, retries=0,
                             max_in_flight_requests_per_connection=1, request_timeout_ms=15000,
                             compression_type=compression, linger_ms=20)
    futures = []
    for i in range(count):
        key = ("key-%d" % i).encode()
        value = ("value-%d-%s" % (i, "x" * (i % 7))).encode()
        futures.append((key, value, producer.send(topic, key=key, value=value)))
    producer.flush(timeout=30)
    for key, value, future in futures:
        md = future.get(timeout=30)
        print(json.dumps({"event": "sent", "key": key.decode(), "value": value.decode(),
                          "partition": md.partition, "offset": md.offset}), flush=True)
    producer.close(timeout=10)

    tps = [TopicPartition(topic, p) for p in range(partitions)]
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, api_version=api, group_id=None,
                             enable_auto_commit=False, request_timeout_ms=15000)
    consumer.assign(tps)
    for tp in tps:
        consumer.seek(tp, 0)
    poll_until(consumer, count, "consumed")
    consumer.close()

    member = KafkaConsumer(topic, bootstrap_servers=bootstrap, api_version=api, group_id=group,
                           auto_offset_reset="earliest", enable_auto_commit=False,
                           request_timeout_ms=30000, session_timeout_ms=10000,
                           heartbeat_interval_ms=1000)
    poll_until(member, count, "group")
    member.commit()
    member.close()

    # With JoinGroup v0 (0.9) the session timeout bounds the rebalance; kafka-python then wants
    # every request timeout above it.
    reader = KafkaConsumer(bootstrap_servers=bootstrap, api_version=api, group_id=group,
                           enable_auto_commit=False, request_timeout_ms=30000, session_timeout_ms=10000)
    for tp in tps:
        print(json.dumps({"event": "committed", "partition": tp.partition, "offset": reader.committed(tp)}),
              flush=True)
    reader.close()


if __name__ == "__main__":
    main()
