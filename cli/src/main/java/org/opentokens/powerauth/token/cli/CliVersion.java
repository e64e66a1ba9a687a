package org.opentokens.powerauth.token.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or {@code dev} when run from classes. */
final class CliVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = CliVersion.class.getPackage().getImplementationVersion();
        return new String[] {"powerauth-token " + (version == null ? "dev" : version)};
    }
}
