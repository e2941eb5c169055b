/* tfgradlint API model of tensorflow/c/c_api.h: graphs, operations,
 * sessions and symbolic gradients. Names and signatures follow the public
 * header; only declarations, no behaviour. */
#ifndef TFGRADLINT_MODEL_TF_C_API_H
#define TFGRADLINT_MODEL_TF_C_API_H
#include <stddef.h>
#include <stdint.h>
#include "tensorflow/c/tf_datatype.h"
#include "tensorflow/c/tf_status.h"
#include "tensorflow/c/tf_tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct TF_Buffer {
  const void* data;
  size_t length;
  void (*data_deallocator)(void* data, size_t length);
} TF_Buffer;

extern TF_Buffer* TF_NewBufferFromString(const void* proto, size_t proto_len);
extern TF_Buffer* TF_NewBuffer(void);
extern void TF_DeleteBuffer(TF_Buffer*);

typedef struct TF_SessionOptions TF_SessionOptions;
extern TF_SessionOptions* TF_NewSessionOptions(void);
extern void TF_DeleteSessionOptions(TF_SessionOptions*);

typedef struct TF_Graph TF_Graph;
extern TF_Graph* TF_NewGraph(void);
extern void TF_DeleteGraph(TF_Graph*);

typedef struct TF_OperationDescription TF_OperationDescription;
typedef struct TF_Operation TF_Operation;

typedef struct TF_Input {
  TF_Operation* oper;
  int index;
} TF_Input;

typedef struct TF_Output {
  TF_Operation* oper;
  int index;
} TF_Output;

extern void TF_GraphSetTensorShape(TF_Graph* graph, TF_Output output, const int64_t* dims, const int num_dims,
                                   TF_Status* status);
extern int TF_GraphGetTensorNumDims(TF_Graph* graph, TF_Output output, TF_Status* status);

extern TF_OperationDescription* TF_NewOperation(TF_Graph* graph, const char* op_type, const char* oper_name);
extern void TF_SetDevice(TF_OperationDescription* desc, const char* device);
extern void TF_AddInput(TF_OperationDescription* desc, TF_Output input);
extern void TF_AddInputList(TF_OperationDescription* desc, const TF_Output* inputs, int num_inputs);
extern void TF_AddControlInput(TF_OperationDescription* desc, TF_Operation* input);
extern void TF_SetAttrString(TF_OperationDescription* desc, const char* attr_name, const void* value, size_t length);
extern void TF_SetAttrInt(TF_OperationDescription* desc, const char* attr_name, int64_t value);
extern void TF_SetAttrIntList(TF_OperationDescription* desc, const char* attr_name, const int64_t* values,
                              int num_values);
extern void TF_SetAttrFloat(TF_OperationDescription* desc, const char* attr_name, float value);
extern void TF_SetAttrBool(TF_OperationDescription* desc, const char* attr_name, unsigned char value);
extern void TF_SetAttrType(TF_OperationDescription* desc, const char* attr_name, TF_DataType value);
extern void TF_SetAttrShape(TF_OperationDescription* desc, const char* attr_name, const int64_t* dims, int num_dims);
extern void TF_SetAttrTensor(TF_OperationDescription* desc, const char* attr_name, TF_Tensor* value,
                             TF_Status* status);
extern TF_Operation* TF_FinishOperation(TF_OperationDescription* desc, TF_Status* status);

extern const char* TF_OperationName(TF_Operation* oper);
extern const char* TF_OperationOpType(TF_Operation* oper);
extern int TF_OperationNumOutputs(TF_Operation* oper);
extern TF_DataType TF_OperationOutputType(TF_Output oper_out);
extern TF_Operation* TF_GraphOperationByName(TF_Graph* graph, const char* oper_name);

extern void TF_AddGradients(TF_Graph* g, TF_Output* y, int ny, TF_Output* x, int nx, TF_Output* dx,
                            TF_Status* status, TF_Output* dy);
extern void TF_AddGradientsWithPrefix(TF_Graph* g, const char* prefix, TF_Output* y, int ny, TF_Output* x, int nx,
                                      TF_Output* dx, TF_Status* status, TF_Output* dy);

typedef struct TF_Session TF_Session;
extern TF_Session* TF_NewSession(TF_Graph* graph, const TF_SessionOptions* opts, TF_Status* status);
extern void TF_CloseSession(TF_Session*, TF_Status* status);
extern void TF_DeleteSession(TF_Session*, TF_Status* status);
extern void TF_SessionRun(TF_Session* session, const TF_Buffer* run_options, const TF_Output* inputs,
                          TF_Tensor* const* input_values, int ninputs, const TF_Output* outputs,
                          TF_Tensor** output_values, int noutputs, const TF_Operation* const* target_opers,
                          int ntargets, TF_Buffer* run_metadata, TF_Status*);

extern const char* TF_Version(void);

#ifdef __cplusplus
}
#endif
#endif
