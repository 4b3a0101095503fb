/**
 * The Kafka wire protocol: request and response headers, the typed message classes and the
 * primitive encodings they share.
 *
 * <p>Each API's request and response bodies are described once, as data, in the
 * {@code samsa-generator} module ({@code io.samsa.generator.messages}); its generator turns each
 * into one class in {@code io.samsa.protocol.message} ({@code JoinGroupRequest},
 * {@code FetchResponse}, ...) with typed fields, their defaults, and {@code read}/{@code size}/
 * {@code write} for every version. Those classes are committed and checked against the schemas by
 * the tests. {@link io.samsa.protocol.ApiKeys} ties API ids to them and to header versions;
 * {@link io.samsa.protocol.WireFormat} holds the encodings. Field names are the snake_case names
 * of the Kafka protocol guide in camelCase ({@code group_instance_id} is
 * {@code groupInstanceId()}).
 */
package io.samsa.protocol;
