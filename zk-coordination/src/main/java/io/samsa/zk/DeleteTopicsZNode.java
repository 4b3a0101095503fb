package io.samsa.zk;

/**
 * {@code /admin/delete_topics/<topic>}: an empty persistent znode that asks the controller to delete
 * the topic; the controller removes it when the deletion is complete. Stateless.
 */
public final class DeleteTopicsZNode {

    public static final String PATH = "/admin/delete_topics";

    private DeleteTopicsZNode() {
    }

    public static String path(String topic) {
        return PATH + "/" + topic;
    }
}
