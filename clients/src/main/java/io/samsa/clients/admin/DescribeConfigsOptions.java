package io.samsa.clients.admin;

/** Options of {@link Admin#describeConfigs(java.util.Collection, DescribeConfigsOptions)}. Not thread-safe. */
public class DescribeConfigsOptions extends AbstractOptions<DescribeConfigsOptions> {

    private boolean includeSynonyms;
    private boolean includeDocumentation;

    /** Also return each entry's synonyms: the values it has at lower precedence levels. */
    public DescribeConfigsOptions includeSynonyms(boolean includeSynonyms) {
        this.includeSynonyms = includeSynonyms;
        return this;
    }

    /** Also return each entry's documentation. */
    public DescribeConfigsOptions includeDocumentation(boolean includeDocumentation) {
        this.includeDocumentation = includeDocumentation;
        return this;
    }

    public boolean includeSynonyms() {
        return includeSynonyms;
    }

    public boolean includeDocumentation() {
        return includeDocumentation;
    }
}
