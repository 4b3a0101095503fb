package io.samsa.tools.groups;

/** What {@code samsa-consumer-groups} is asked to do: exactly one of Kafka's five actions. */
enum GroupAction {
    LIST("list"), DESCRIBE("describe"), DELETE("delete"), DELETE_OFFSETS("delete-offsets"), RESET_OFFSETS("reset-offsets");

    private final String option;

    GroupAction(String option) {
        this.option = option;
    }

    /** The option's name without dashes. */
    String option() {
        return option;
    }

    /** The option that asks for it, e.g. {@code --reset-offsets}. */
    String flag() {
        return "--" + option;
    }
}
