package io.measured.internal.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;

/**
 * A connection whose statements record their executions ({@link MeasuredStatement}). Every other
 * call goes to the vendor connection unchanged, with its own result and exception instance;
 * {@code unwrap} and {@code isWrapperFor} reach the vendor objects. Written out rather than a
 * dynamic proxy so that no call allocates. As thread-safe as the vendor connection.
 */
final class MeasuredConnection implements Connection {

    private final Connection vendor;
    private final JdbcRecorder recorder;

    MeasuredConnection(Connection vendor, JdbcRecorder recorder) {
        this.vendor = vendor;
        this.recorder = recorder;
    }

    @Override
    public <T> T unwrap(Class<T> a) throws SQLException {
        return a.isInstance(vendor) ? a.cast(vendor) : vendor.unwrap(a);
    }

    @Override
    public boolean isWrapperFor(Class<?> a) throws SQLException {
        return a.isInstance(vendor) || vendor.isWrapperFor(a);
    }

    @Override
    public String toString() {
        return "measured(" + vendor + ")";
    }

    @Override
    public void abort(java.util.concurrent.Executor a) throws SQLException {
        vendor.abort(a);
    }

    @Override
    public void beginRequest() throws SQLException {
        vendor.beginRequest();
    }

    @Override
    public void clearWarnings() throws SQLException {
        vendor.clearWarnings();
    }

    @Override
    public void close() throws SQLException {
        vendor.close();
    }

    @Override
    public void commit() throws SQLException {
        vendor.commit();
    }

    @Override
    public Array createArrayOf(String a, Object[] b) throws SQLException {
        return vendor.createArrayOf(a, b);
    }

    @Override
    public Blob createBlob() throws SQLException {
        return vendor.createBlob();
    }

    @Override
    public Clob createClob() throws SQLException {
        return vendor.createClob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return vendor.createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return vendor.createSQLXML();
    }

    @Override
    public Statement createStatement() throws SQLException {
        return new MeasuredStatement(vendor.createStatement(), this, recorder, null);
    }

    @Override
    public Statement createStatement(int a, int b) throws SQLException {
        return new MeasuredStatement(vendor.createStatement(a, b), this, recorder, null);
    }

    @Override
    public Statement createStatement(int a, int b, int c) throws SQLException {
        return new MeasuredStatement(vendor.createStatement(a, b, c), this, recorder, null);
    }

    @Override
    public Struct createStruct(String a, Object[] b) throws SQLException {
        return vendor.createStruct(a, b);
    }

    @Override
    public void endRequest() throws SQLException {
        vendor.endRequest();
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return vendor.getAutoCommit();
    }

    @Override
    public String getCatalog() throws SQLException {
        return vendor.getCatalog();
    }

    @Override
    public java.util.Properties getClientInfo() throws SQLException {
        return vendor.getClientInfo();
    }

    @Override
    public String getClientInfo(String a) throws SQLException {
        return vendor.getClientInfo(a);
    }

    @Override
    public int getHoldability() throws SQLException {
        return vendor.getHoldability();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return vendor.getMetaData();
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return vendor.getNetworkTimeout();
    }

    @Override
    public String getSchema() throws SQLException {
        return vendor.getSchema();
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return vendor.getTransactionIsolation();
    }

    @Override
    public java.util.Map<String, Class<?>> getTypeMap() throws SQLException {
        return vendor.getTypeMap();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return vendor.getWarnings();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return vendor.isClosed();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return vendor.isReadOnly();
    }

    @Override
    public boolean isValid(int a) throws SQLException {
        return vendor.isValid(a);
    }

    @Override
    public String nativeSQL(String a) throws SQLException {
        return vendor.nativeSQL(a);
    }

    @Override
    public CallableStatement prepareCall(String a) throws SQLException {
        return new MeasuredCallableStatement(vendor.prepareCall(a), this, recorder, a);
    }

    @Override
    public CallableStatement prepareCall(String a, int b, int c) throws SQLException {
        return new MeasuredCallableStatement(vendor.prepareCall(a, b, c), this, recorder, a);
    }

    @Override
    public CallableStatement prepareCall(String a, int b, int c, int d) throws SQLException {
        return new MeasuredCallableStatement(vendor.prepareCall(a, b, c, d), this, recorder, a);
    }

    @Override
    public PreparedStatement prepareStatement(String a) throws SQLException {
        return new MeasuredPreparedStatement(vendor.prepareStatement(a), this, recorder, a);
    }

    @Override
    public PreparedStatement prepareStatement(String a, int[] b) throws SQLException {
        return new MeasuredPreparedStatement(vendor.prepareStatement(a, b), this, recorder, a);
    }

    @Override
    public PreparedStatement prepareStatement(String a, String[] b) throws SQLException {
        return new MeasuredPreparedStatement(vendor.prepareStatement(a, b), this, recorder, a);
    }

    @Override
    public PreparedStatement prepareStatement(String a, int b) throws SQLException {
        return new MeasuredPreparedStatement(vendor.prepareStatement(a, b), this, recorder, a);
    }

    @Override
    public PreparedStatement prepareStatement(String a, int b, int c) throws SQLException {
        return new MeasuredPreparedStatement(vendor.prepareStatement(a, b, c), this, recorder, a);
    }

    @Override
    public PreparedStatement prepareStatement(String a, int b, int c, int d) throws SQLException {
        return new MeasuredPreparedStatement(vendor.prepareStatement(a, b, c, d), this, recorder, a);
    }

    @Override
    public void releaseSavepoint(Savepoint a) throws SQLException {
        vendor.releaseSavepoint(a);
    }

    @Override
    public void rollback() throws SQLException {
        vendor.rollback();
    }

    @Override
    public void rollback(Savepoint a) throws SQLException {
        vendor.rollback(a);
    }

    @Override
    public void setAutoCommit(boolean a) throws SQLException {
        vendor.setAutoCommit(a);
    }

    @Override
    public void setCatalog(String a) throws SQLException {
        vendor.setCatalog(a);
    }

    @Override
    public void setClientInfo(String a, String b) throws SQLClientInfoException {
        vendor.setClientInfo(a, b);
    }

    @Override
    public void setClientInfo(java.util.Properties a) throws SQLClientInfoException {
        vendor.setClientInfo(a);
    }

    @Override
    public void setHoldability(int a) throws SQLException {
        vendor.setHoldability(a);
    }

    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor a, int b) throws SQLException {
        vendor.setNetworkTimeout(a, b);
    }

    @Override
    public void setReadOnly(boolean a) throws SQLException {
        vendor.setReadOnly(a);
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return vendor.setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String a) throws SQLException {
        return vendor.setSavepoint(a);
    }

    @Override
    public void setSchema(String a) throws SQLException {
        vendor.setSchema(a);
    }

    @Override
    public void setShardingKey(ShardingKey a) throws SQLException {
        vendor.setShardingKey(a);
    }

    @Override
    public void setShardingKey(ShardingKey a, ShardingKey b) throws SQLException {
        vendor.setShardingKey(a, b);
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey a, int b) throws SQLException {
        return vendor.setShardingKeyIfValid(a, b);
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey a, ShardingKey b, int c) throws SQLException {
        return vendor.setShardingKeyIfValid(a, b, c);
    }

    @Override
    public void setTransactionIsolation(int a) throws SQLException {
        vendor.setTransactionIsolation(a);
    }

    @Override
    public void setTypeMap(java.util.Map<String, Class<?>> a) throws SQLException {
        vendor.setTypeMap(a);
    }
}
