/**
 * SQL timing for any JDBC data source or driver: {@link io.measured.jdbc.MeasuredDataSource} and
 * {@link io.measured.jdbc.MeasuredDriver} record each statement execution as type DATABASE, named
 * {@code <VERB> <first table>}, with the SQL text without its values. Parameter values are never
 * recorded.
 */
package io.measured.jdbc;
