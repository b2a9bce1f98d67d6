/**
 * Contract tests for plugin authors. A plugin project adds {@code nnrecover-testkit} as a test
 * dependency and extends {@link org.nnrecover.testkit.ActivationContract},
 * {@link org.nnrecover.testkit.InitializerContract} or {@link org.nnrecover.testkit.OptimizerContract}
 * with a small test class naming its provider; JUnit then runs every check of the contract
 * against it. The kit brings its own problems ({@link org.nnrecover.testkit.TestInitContext}, a
 * teacher with Gaussian samples, and {@link org.nnrecover.testkit.QuadraticProblem}, a convex
 * quadratic with counted evaluations), so no part of nnrecover's core is needed.
 */
package org.nnrecover.testkit;
