
;
  ;
-- nothing to do
