"""Round trip through kafka-python (Debian python3-kafka 2.0.2), driven by KafkaPythonSystemTest.

Usage: kafka_python_roundtrip.py BOOTSTRAP TOPIC PARTITIONS COUNT SEEK_OFFSET COMPRESSION

Produces COUNT keyed records with one header each (default partitioner: murmur2 of the key;
COMPRESSION is none or gzip, the codecs this Debian package supports without extra modules), then
reads every partition back from SEEK_OFFSET to just past its last acknowledged offset with a
group-less consumer (assign + seek). Prints one JSON object per line: {"event": "sent", ...} per record as acknowledged, then
{"event": "consumed", ...} per record read. The Java test asserts the content; this script only
fails on client errors or when those offsets are not reached in time.
"""
import json
import sys
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition


def main():
    bootstrap, topic = sys.argv[1], sys.argv[2]
    partitions, count, seek_offset = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    compression = None if sys.argv[6] == "none" else sys.argv[6]

    producer = KafkaProducer(bootstrap_servers=bootstrap, acks=1, retries=0,
                             max_in_flight_requests_per_connection=1, request_timeout_ms=15000,
                             compression_type=compression, linger_ms=20)
    futures = []
    ends = {}
    for i in range(count):
        key = ("key-%d" % i).encode()
        value = ("value-%d-%s" % (i, "x" * (i % 7))).encode()
        headers = [("idx", str(i).encode())]
        futures.append((key, value, headers, producer.send(topic, key=key, value=value, headers=headers)))
    producer.flush(timeout=30)
    for key, value, headers, future in futures:
        md = future.get(timeout=30)
        print(json.dumps({"event": "sent", "key": key.decode(), "value": value.decode(),
                          "partition": md.partition, "offset": md.offset}), flush=True)
        tp = TopicPartition(topic, md.partition)
        ends[tp] = max(ends.get(tp, 0), md.offset + 1)
    producer.close(timeout=10)

    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                             request_timeout_ms=15000)
    tps = [TopicPartition(topic, p) for p in range(partitions)]
    consumer.assign(tps)
    for tp in tps:
        consumer.seek(tp, seek_offset)
    # Not the end offsets: with acks=1 the leader acknowledges before its followers have the records,
    # and the end offset a consumer sees (the high watermark) catches up only once they have.
    for tp in tps:
        ends.setdefault(tp, 0)
    deadline = time.monotonic() + 30
    while any(consumer.position(tp) < ends[tp] for tp in tps):
        if time.monotonic() > deadline:
            sys.exit("offsets %s not reached; positions %s"
                     % (ends, {tp: consumer.position(tp) for tp in tps}))
        for tp, records in consumer.poll(timeout_ms=500).items():
            for r in records:
                print(json.dumps({"event": "consumed", "partition": r.partition, "offset": r.offset,
                                  "key": r.key.decode(), "value": r.value.decode(),
                                  "headers": [[k, v.decode()] for k, v in r.headers]}), flush=True)
    consumer.close()


if __name__ == "__main__":
    main()
