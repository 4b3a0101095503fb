package io.samsa.core.network;

/**
 * What the network layer hands every complete request to. Called on a request handler thread;
 * the implementation must eventually complete the request exactly once ({@link Request#sendResponse},
 * {@link Request#sendNoResponse} or {@link Request#closeConnection}), possibly from another thread.
 */
@FunctionalInterface
public interface RequestProcessor {

    void process(Request request);
}
