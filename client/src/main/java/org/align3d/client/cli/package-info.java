/**
 * The command-line tools the launcher runs: {@code ./align3d index} ({@link org.align3d.client.cli.IndexCommand}).
 * Flags are parsed once into immutable options; a bad flag prints the usage and exits 2.
 */
package org.align3d.client.cli;
