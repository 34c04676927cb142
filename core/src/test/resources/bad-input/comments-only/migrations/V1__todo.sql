-- TODO write this
/* later */
