"""confluent-kafka-python (librdkafka) idempotent producer: prints one JSON line per delivery report.

Usage: confluent_idempotent.py BOOTSTRAP TOPIC COUNT COMPRESSION
"""
import json
import sys

from confluent_kafka import Producer

bootstrap, topic, count, compression = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

producer = Producer({
    "bootstrap.servers": bootstrap,
    "enable.idempotence": True,
    "acks": "all",
    "compression.type": compression,
    "linger.ms": 5,
    "batch.num.messages": 50,
})


def report(err, msg):
    print(json.dumps({
        "error": None if err is None else str(err),
        "partition": msg.partition(),
        "offset": msg.offset(),
        "value": msg.value().decode(),
    }), flush=True)


for i in range(count):
    producer.produce(topic, key=("key-%d" % i).encode(), value=("value-%d" % i).encode(), partition=0, on_delivery=report)
    producer.poll(0)
remaining = producer.flush(60)
sys.exit(0 if remaining == 0 else 3)
