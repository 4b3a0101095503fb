package io.samsa.common.errors;

/**
 * The client is not authorized to access a consumer group, which it names when known. Immutable
 * once thrown; safe to pass between threads.
 */
public class GroupAuthorizationException extends AuthorizationException {

    private static final long serialVersionUID = 1L;

    private final String groupId;

    /** With a message. */
    public GroupAuthorizationException(String message, String groupId) {
        super(message);
        this.groupId = groupId;
    }

    /** With a message saying what went wrong. */
    public GroupAuthorizationException(String message) {
        this(message, null);
    }

    /** An exception for this group, with a message naming it. */
    public static GroupAuthorizationException forGroupId(String groupId) {
        return new GroupAuthorizationException("Not authorized to access group: " + groupId, groupId);
    }

    /** The group refused, or null when the broker did not say which. */
    public String groupId() {
        return groupId;
    }
}
