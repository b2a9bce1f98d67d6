/** Reading and writing the project's machine-readable formats (JSON run records, CSV traces). */
package org.nnrecover.core.io;
