package io.samsa.tools.topics;

import io.samsa.common.config.TopicConfig;
import io.samsa.tools.cli.DidYouMean;
import io.samsa.tools.cli.UsageException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code --config name=value} overrides of a new topic and checks each name against the
 * topic configs there are ({@link TopicConfig}), so that a misspelt key is refused before the
 * cluster is asked, with the name it was probably meant to be. Values are the broker's to check.
 * Stateless.
 */
final class TopicConfigArgs {

    private TopicConfigArgs() {
    }

    /** The overrides in command-line order; a later value of the same name wins. */
    static Map<String, String> parse(List<String> args) throws UsageException {
        Map<String, String> configs = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? "" : arg.substring(0, eq).trim();
            if (name.isEmpty()) {
                throw new UsageException("--config takes name=value, not '" + arg + "'");
            }
            if (!TopicConfig.names().contains(name)) {
                throw new UsageException("unknown topic config '" + name + "'" + DidYouMean.hint(name, TopicConfig.names()));
            }
            configs.put(name, arg.substring(eq + 1).trim());
        }
        return configs;
    }
}
