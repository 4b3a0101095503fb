"""Two kafka-python consumers in one group share a 4-partition topic; when one leaves the other
owns all four; a consumer that restarts resumes from the committed offset.

Usage: kafka_python_group.py BOOTSTRAP TOPIC GROUP
Prints JSON lines describing each phase; exits non-zero on a timeout.
"""
import json
import sys
import threading
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

bootstrap, topic, group = sys.argv[1], sys.argv[2], sys.argv[3]


def emit(**kv):
    print(json.dumps(kv), flush=True)


class Member(threading.Thread):
    """Polls in its own thread; kafka-python joins, syncs and heartbeats inside poll()."""

    def __init__(self, name):
        super().__init__(daemon=True)
        self.name = name
        self.consumer = KafkaConsumer(topic, group_id=group, bootstrap_servers=bootstrap, client_id=name,
                                      auto_offset_reset="earliest", enable_auto_commit=False,
                                      session_timeout_ms=10000, heartbeat_interval_ms=1000)
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.assigned = set()
        self.values = []

    def run(self):
        while not self.stop.is_set():
            batch = self.consumer.poll(timeout_ms=100)
            with self.lock:
                self.assigned = {tp.partition for tp in self.consumer.assignment()}
                for records in batch.values():
                    self.values.extend(r.value.decode() for r in records)
            if batch:
                self.consumer.commit()
        self.consumer.close()

    def snapshot(self):
        with self.lock:
            return set(self.assigned), list(self.values)


def wait(what, condition, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.1)
    sys.exit("timed out waiting for " + what)


producer = KafkaProducer(bootstrap_servers=bootstrap)


def produce(prefix, n):
    for i in range(n):
        producer.send(topic, key=b"k%d" % i, value=("%s-%d" % (prefix, i)).encode())
    producer.flush()


a, b = Member("a"), Member("b")
a.start()
b.start()
wait("two members sharing four partitions",
     lambda: len(a.snapshot()[0]) == 2 and len(b.snapshot()[0]) == 2 and a.snapshot()[0] | b.snapshot()[0] == {0, 1, 2, 3})
emit(phase="split", a=sorted(a.snapshot()[0]), b=sorted(b.snapshot()[0]))

produce("first", 40)
wait("40 records consumed between the two", lambda: len(a.snapshot()[1]) + len(b.snapshot()[1]) == 40)
emit(phase="consumed-split", a=len(a.snapshot()[1]), b=len(b.snapshot()[1]))

a.stop.set()
a.join(30)
wait("b owning all four partitions", lambda: b.snapshot()[0] == {0, 1, 2, 3})
emit(phase="after-leave", b=sorted(b.snapshot()[0]))

produce("second", 40)
wait("b consumed the second 40", lambda: len([v for v in b.snapshot()[1] if v.startswith("second")]) == 40)
b.stop.set()
b.join(30)

produce("third", 20)
c = Member("c")
c.start()
# A re-read of committed records would arrive before (or with) the new ones.
wait("c consumed the third 20", lambda: len([v for v in c.snapshot()[1] if v.startswith("third")]) == 20)
c.stop.set()
c.join(30)
emit(phase="restarted", values=sorted(c.snapshot()[1]))
