/**
 * The {@code nnrecover} command line: a thin shell over the core. Each sub-command is one class;
 * errors a user can cause end in one line on stderr and exit code 2 (stack traces only with
 * {@code --debug}).
 */
package org.nnrecover.cli;
