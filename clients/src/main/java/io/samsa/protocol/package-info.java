/**
 * The Kafka wire protocol: request and response headers, and one generic, schema-driven codec.
 *
 * <p>Each API's request and response bodies are described once, as data, in
 * {@code io.samsa.protocol.message} (one {@code *Messages} class per API) with the
 * {@link io.samsa.protocol.SchemaDsl} vocabulary: fields with their types, versions, nullable
 * versions, tags and defaults. {@link io.samsa.protocol.MessageCodec} reads and writes any
 * (API, version) from those schemas into generic {@link io.samsa.protocol.Struct} values;
 * {@link io.samsa.protocol.ApiKeys} ties API ids to their schemas and header versions.
 * Field names are the snake_case names of the Kafka protocol guide; print
 * {@code ApiKeys.X.requestSpec().describe()} to see every field of a message.
 */
package io.samsa.protocol;
