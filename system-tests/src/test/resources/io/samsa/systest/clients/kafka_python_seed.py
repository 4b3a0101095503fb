"""The seed examples, as a newcomer would run them with kafka-python against localhost:9092:
a consumer in a group, then a producer; MODE json uses JSON (de)serializers.

Usage: kafka_python_seed.py BOOTSTRAP TOPIC GROUP MODE COUNT
Prints one JSON line per message the consumer received.
"""
import json
import sys
import time

from kafka import KafkaConsumer, KafkaProducer

bootstrap, topic, group, mode, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])

if mode == "json":
    consumer = KafkaConsumer(topic, group_id=group, bootstrap_servers=bootstrap,
                             value_deserializer=lambda m: json.loads(m.decode("utf-8")))
    producer = KafkaProducer(bootstrap_servers=bootstrap, value_serializer=lambda v: json.dumps(v).encode("utf-8"))
else:
    consumer = KafkaConsumer(topic, group_id=group, bootstrap_servers=bootstrap)
    producer = KafkaProducer(bootstrap_servers=bootstrap)

# The consumer starts at the latest offset: join the group before anything is sent.
deadline = time.time() + 60
while not consumer.assignment() and time.time() < deadline:
    consumer.poll(timeout_ms=200)
if not consumer.assignment():
    sys.exit("consumer never got an assignment")

for i in range(count):
    if mode == "json":
        producer.send(topic, {"number": i, "text": "message %d" % i})
    else:
        producer.send(topic, b"message %d" % i)
producer.flush()

received = 0
for message in consumer:
    value = message.value if mode == "json" else message.value.decode()
    print(json.dumps({"partition": message.partition, "offset": message.offset, "value": value}), flush=True)
    received += 1
    if received == count:
        break
consumer.commit()
consumer.close()
