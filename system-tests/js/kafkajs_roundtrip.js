// kafkajs 2.2.4 against the broker under test: admin create/list, an idempotent producer
// (gzip, acks=-1, keys and headers), a group consumer reading everything back, committed
// offsets through the admin client. Prints one JSON line per event for the Java test to check.
// Usage: node kafkajs_roundtrip.js BOOTSTRAP TOPIC GROUP COUNT (BOOTSTRAP: host:port[,host:port...])
const { Kafka, logLevel, CompressionTypes } = require('kafkajs')

const [bootstrap, topic, groupId, countText] = process.argv.slice(2)
const count = Number(countText)
// kafkajs takes its seed brokers as a list, not as Kafka's comma-separated bootstrap string.
const kafka = new Kafka({ clientId: 'samsa-systest-kafkajs', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING })
const emit = (event) => console.log(JSON.stringify(event))

async function main () {
  const admin = kafka.admin()
  await admin.connect()
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true })
  // The new topic reaches each broker's metadata in its own time, and listTopics may ask any of them.
  let listed = []
  for (const deadline = Date.now() + 30000; listed.length === 0 && Date.now() < deadline;) {
    listed = (await admin.listTopics()).filter(t => t === topic)
    if (listed.length === 0) await new Promise(resolve => setTimeout(resolve, 200))
  }
  emit({ event: 'listed', topics: listed })

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 })
  await producer.connect()
  const messages = Array.from({ length: count }, (_, i) => ({ key: 'key-' + i, value: 'value-' + i, headers: { idx: String(i) } }))
  const acks = await producer.send({ topic, compression: CompressionTypes.GZIP, acks: -1, messages })
  emit({ event: 'produced', partitions: acks.map(a => ({ partition: a.partition, error: a.errorCode, baseOffset: Number(a.baseOffset) })) })
  await producer.disconnect()

  const consumer = kafka.consumer({ groupId })
  await consumer.connect()
  await consumer.subscribe({ topic, fromBeginning: true })
  let received = 0
  await new Promise((resolve, reject) => {
    consumer.run({
      eachMessage: async ({ partition, message }) => {
        emit({ event: 'consumed', partition, offset: Number(message.offset), key: message.key.toString(), value: message.value.toString(), idx: message.headers.idx.toString() })
        received++
        if (received === count) resolve()
      }
    }).catch(reject)
  })
  await consumer.disconnect()

  const committed = await admin.fetchOffsets({ groupId, topics: [topic] })
  emit({ event: 'committed', partitions: committed[0].partitions.map(p => ({ partition: p.partition, offset: Number(p.offset) })) })
  await admin.disconnect()
}

main().then(() => process.exit(0)).catch((e) => { console.error(e); process.exit(1) })
