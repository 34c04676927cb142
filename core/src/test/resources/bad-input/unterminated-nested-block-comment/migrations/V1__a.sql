/* outer /* inner */
CREATE TABLE a (id int);
