package io.samsa.clients.admin;

/** Options of {@link Admin#deleteRecords(java.util.Map, DeleteRecordsOptions)}. Not thread-safe. */
public class DeleteRecordsOptions extends AbstractOptions<DeleteRecordsOptions> {
}
